import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { COMPONENTS } from './multimodal';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

const K = COMPONENTS.length;

/**
 * multimodal: lₖ = −‖θ − μₖ‖²/(2σₖ²) − log 2π − log σₖ², log p̃ = logsumexp lₖ;
 * ∇ = Σₖ rₖ (μₖ − θ)/σₖ² with responsibilities rₖ = e^{lₖ − log p̃}.
 */
const terms = new Float64Array(K);
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      const c = COMPONENTS[k];
      const dx = x - c.mean[0];
      const dy = y - c.mean[1];
      terms[k] = (-0.5 * (dx * dx + dy * dy)) / c.variance - LOG_2PI - Math.log(c.variance);
      if (terms[k] > m) m = terms[k];
    }
    let sum = 0;
    let gx = 0;
    let gy = 0;
    for (let k = 0; k < K; k++) {
      const c = COMPONENTS[k];
      const w = Math.exp(terms[k] - m);
      sum += w;
      gx += (w * (c.mean[0] - x)) / c.variance;
      gy += (w * (c.mean[1] - y)) / c.variance;
    }
    logp[i] = m + Math.log(sum);
    grad[2 * i] = gx / sum;
    grad[2 * i + 1] = gy / sum;
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), all bumps at once: D = μ − θ
 * [n, K, 2], lₖ = −‖Dₖ‖²/(2σₖ²) + cₖ, m = maxₖ lₖ, eₖ = e^{lₖ − m}, S = Σₖ eₖ;
 * log p̃ = m + log S, ∇ = Σₖ eₖ Dₖ/σₖ² / S. 18 kernels, no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta) => {
  const means = tf.tensor3d(COMPONENTS.flatMap((c) => [...c.mean]), [1, K, 2]);
  const halfPrecision = tf.tensor2d(COMPONENTS.map((c) => -0.5 / c.variance), [1, K]);
  const precision = tf.tensor2d(COMPONENTS.map((c) => 1 / c.variance), [1, K]);
  const offset = tf.tensor2d(COMPONENTS.map((c) => -LOG_2PI - Math.log(c.variance)), [1, K]);
  const d = tf.sub(means, tf.expandDims(theta, 1));
  const l = tf.add(tf.mul(tf.sum(tf.square(d), 2), halfPrecision), offset);
  const m = tf.max(l, 1, true);
  const e = tf.exp(tf.sub(l, m));
  const s = tf.sum(e, 1, true);
  const logp = tf.reshape(tf.add(tf.log(s), m), [-1]) as Tensor1D;
  const grad = tf.div(tf.sum(tf.mul(tf.expandDims(tf.mul(e, precision), 2), d), 1), s) as Tensor2D;
  return { logp, grad };
};

/** multimodal's log p̃ for the engine, the CLI and code export (its info is multimodal.ts). */
export const multimodalDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const terms = COMPONENTS.map((c) => {
      const s = Math.sqrt(c.variance);
      return bivariateNormalLogPdf(tf, x, y, c.mean, s, s, 0);
    });
    return tf.logSumExp(tf.stack(terms, 1), 1) as Tensor1D;
  },
  exportAs() {
    const bump = ({ mean: [mx, my], variance }: (typeof COMPONENTS)[number]) => {
      const s = lit(Math.sqrt(variance));
      return `normal_lpdf(x, ${lit(mx)}, ${s}) + normal_lpdf(y, ${lit(my)}, ${s})`;
    };
    return { logDensity: formula(`logsumexp(${COMPONENTS.map(bump).join(', ')})`) };
  },
  logDensityGrad,
  logDensityAndGrad,
};
