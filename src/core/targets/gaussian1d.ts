import type { TargetInfo } from './types';

/**
 * N(m, s²): the one target every Gaussian family can match exactly (public check 1 in 1D,
 * docs/testing.md). The ranges keep ±10 at least 4s from m, so under 1e-4 of the mass leaves the
 * plot.
 */
export const gaussian1d: TargetInfo = {
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
  exact: (p) => ({ logZ: 0, mean: [p.mean], cov: [[p.sd * p.sd]] }),
};
