import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, column1, normalLogPdf } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** bimodal-1d: log Σₖ πₖ N(x; mₖ, 1); ∇ = Σₖ rₖ (mₖ − x) with responsibilities rₖ. */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const d = p.separation;
  const lw1 = Math.log(p.weight) - 0.5 * LOG_2PI;
  const lw2 = Math.log(1 - p.weight) - 0.5 * LOG_2PI;
  for (let i = 0; i < n; i++) {
    const x = z[i];
    const l1 = lw1 - 0.5 * (x + d) * (x + d);
    const l2 = lw2 - 0.5 * (x - d) * (x - d);
    const m = Math.max(l1, l2);
    const e1 = Math.exp(l1 - m);
    const e2 = Math.exp(l2 - m);
    logp[i] = m + Math.log(e1 + e2);
    grad[i] = (e1 * (-d - x) + e2 * (d - x)) / (e1 + e2);
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), as two bumps written
 * l₁ + log(1 + e^{l₂ − l₁}): l₁ = log w − ½(x + d)² − ½ log 2π, δ = l₂ − l₁ = 2dx + log((1 − w)/w);
 * log p̃ = l₁ + softplus δ, ∇ = 2d·sigmoid(δ) − (x + d), no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta, { weight, separation: d }) => {
  const xd = tf.add(theta, d) as Tensor2D;
  const l1 = tf.add(tf.mul(tf.square(xd), -0.5), Math.log(weight) - 0.5 * LOG_2PI);
  const delta = tf.add(tf.mul(theta, 2 * d), Math.log((1 - weight) / weight));
  const logp = column1(tf, tf.add(l1, tf.softplus(delta)) as Tensor2D);
  const grad = tf.sub(tf.mul(tf.sigmoid(delta), 2 * d), xd) as Tensor2D;
  return { logp, grad };
};

/** bimodal1d's log p̃ for the engine, the CLI and code export (its info is bimodal1d.ts). */
export const bimodal1dDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const x = column1(tf, theta);
    const left = tf.add(normalLogPdf(tf, x, -p.separation, 1), Math.log(p.weight));
    const right = tf.add(normalLogPdf(tf, x, p.separation, 1), Math.log(1 - p.weight));
    return tf.logSumExp(tf.stack([left, right], 1), 1) as Tensor1D;
  },
  exportAs: (p) => ({
    logDensity: formula(
      `logsumexp(${lit(Math.log(p.weight))} + normal_lpdf(x, ${lit(-p.separation)}, 1), ${lit(Math.log(1 - p.weight))} + normal_lpdf(x, ${lit(p.separation)}, 1))`,
    ),
  }),
  logDensityGrad,
  logDensityAndGrad,
};
