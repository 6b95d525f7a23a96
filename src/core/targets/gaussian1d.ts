import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, column1, normalLogPdf } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** gaussian-1d: −½z² − log s − ½ log 2π, z = (x − m)/s; ∇ = −z/s. */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const norm = 0.5 * LOG_2PI + Math.log(p.sd);
  for (let i = 0; i < n; i++) {
    const u = (z[i] - p.mean) / p.sd;
    logp[i] = -0.5 * u * u - norm;
    grad[i] = -u / p.sd;
  }
};

/**
 * N(m, s²): the one target every Gaussian family can match exactly (public check 1 in 1D,
 * docs/testing.md). The ranges keep ±10 at least 4s from m, so under 1e-4 of the mass leaves the
 * plot.
 */
export const gaussian1d: TargetSpec = {
  id: 'gaussian-1d',
  name: 'Gaussian (1D)',
  description: 'A single bell curve: a Gaussian q can match it exactly, so the KL should fall to 0.',
  tex: String.raw`\log \mathcal{N}(x;\, m,\, s^2)`,
  dim: 1,
  params: [
    { name: 'mean', label: 'mean m', min: -2, max: 2, step: 0.05, default: 1 },
    { name: 'sd', label: 'standard deviation s', min: 0.2, max: 2, step: 0.05, default: 1 },
  ],
  domain: () => ({ x: [-10, 10] }),
  logDensity(tf, theta, p) {
    return normalLogPdf(tf, column1(tf, theta), p.mean, p.sd);
  },
  exact: (p) => ({ logZ: 0, mean: [p.mean], cov: [[p.sd * p.sd]] }),
  exportAs: (p) => ({ logDensity: formula(`normal_lpdf(x, ${lit(p.mean)}, ${lit(p.sd)})`) }),
  logDensityGrad,
};
