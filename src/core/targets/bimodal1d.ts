import type { Tensor1D } from '../tfTypes';
import type { TargetSpec } from './types';
import { column1, normalLogPdf } from './gaussianMath';

/**
 * w·N(−d, 1) + (1−w)·N(d, 1) (docs/targets.md#bimodal-1d). Reverse KL picks one mode once d ≳ 3;
 * the mixture is combined with logsumexp so far tails do not underflow.
 */
export const bimodal1d: TargetSpec = {
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
  logDensity(tf, theta, p) {
    const x = column1(tf, theta);
    const left = tf.add(normalLogPdf(tf, x, -p.separation, 1), Math.log(p.weight));
    const right = tf.add(normalLogPdf(tf, x, p.separation, 1), Math.log(1 - p.weight));
    return tf.logSumExp(tf.stack([left, right], 1), 1) as Tensor1D;
  },
  exact(p) {
    const w = p.weight;
    const d = p.separation;
    const mean = -w * d + (1 - w) * d;
    return { logZ: 0, mean: [mean], cov: [[1 + d * d - mean * mean]] };
  },
};
