import type { TargetInfo } from './types';

/**
 * w·N(−d, 1) + (1−w)·N(d, 1) (docs/targets.md#bimodal-1d). Reverse KL picks one mode once d ≳ 3;
 * the mixture is combined with logsumexp so far tails do not underflow.
 */
export const bimodal1d: TargetInfo = {
  id: 'bimodal-1d',
  name: 'Bimodal (1D)',
  description: 'Two bumps at ±d: once they are far apart, a single Gaussian under reverse KL locks onto one of them.',
  tex: String.raw`\log\big(w\,\mathcal{N}(x; -d, 1) + (1 - w)\,\mathcal{N}(x; d, 1)\big)`,
  dim: 1,
  params: [
    { name: 'weight', label: 'left weight w', min: 0.05, max: 0.95, step: 0.01, default: 0.5 },
    {
      name: 'separation',
      label: 'separation d (modes at ±d)',
      min: 0,
      max: 5,
      step: 0.1,
      default: 3,
    },
  ],
  domain: () => ({ x: [-10, 10] }),
  exact(p) {
    const w = p.weight;
    const d = p.separation;
    const mean = -w * d + (1 - w) * d;
    return { logZ: 0, mean: [mean], cov: [[1 + d * d - mean * mean]] };
  },
};
