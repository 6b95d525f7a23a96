import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, type ValueAndSlope, column1, logNormalCdf, logNormalCdfWithSlope, normalLogPdf } from './gaussianMath';
import { formula, lit, logNdtr, sum } from '../export/expr';

const cdf: ValueAndSlope = { value: 0, slope: 0 };

/** skew-normal-1d: log 2 − ½x² − ½ log 2π + log Φ(αx); ∇ = −x + α·(log Φ)′(αx). */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const alpha = p.alpha;
  for (let i = 0; i < n; i++) {
    const x = z[i];
    logNormalCdfWithSlope(alpha * x, cdf);
    logp[i] = -0.5 * x * x - 0.5 * LOG_2PI + Math.LN2 + cdf.value;
    grad[i] = -x + alpha * cdf.slope;
  }
};

/**
 * Azzalini's skew-normal, location 0, scale 1: p(x) = 2 φ(x) Φ(αx). log Φ goes through the
 * tail-stable logNormalCdf, since Φ(αx) underflows float32 for αx ≲ −13 (well inside the plot
 * when α = 10).
 */
export const skewNormal1d: TargetSpec = {
  id: 'skew-normal-1d',
  name: 'Skew-normal (1D)',
  description: 'A bell curve pushed to one side by α: a symmetric Gaussian q has to compromise between the steep and the long side.',
  tex: String.raw`\log 2 + \log \varphi(x) + \log \Phi(\alpha x)`,
  dim: 1,
  params: [{ name: 'alpha', label: 'skewness α', min: -10, max: 10, step: 0.1, default: 4 }],
  // ±6 truncates the variance by < 1e-7 (±5 would cost 1.5e-5)
  domain: () => ({ x: [-6, 6] }),
  logDensity(tf, theta, p) {
    const x = column1(tf, theta);
    return tf.add(tf.add(normalLogPdf(tf, x, 0, 1), Math.LN2), logNormalCdf(tf, tf.mul(x, p.alpha))) as Tensor1D;
  },
  exact(p) {
    // δ = α/√(1 + α²); mean δ√(2/π), variance 1 − 2δ²/π (Azzalini 1985)
    const delta = p.alpha / Math.sqrt(1 + p.alpha * p.alpha);
    const mean = delta * Math.sqrt(2 / Math.PI);
    return { logZ: 0, mean: [mean], cov: [[1 - mean * mean]] };
  },
  // log Φ has no spelling in the formula language: the export's own log_ndtr (jax.scipy, PyMC's normal_lcdf)
  exportAs: (p) => ({
    logDensity: sum([formula(`-0.5*x^2 - ${lit(0.5 * LOG_2PI)} + ${lit(Math.LN2)}`), logNdtr(formula(`${lit(p.alpha)}*x`))]),
  }),
  logDensityGrad,
};
