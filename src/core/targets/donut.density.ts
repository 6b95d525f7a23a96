import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { RADIUS, SIGMA2 } from './donut';
import { columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** donut: r = √(x² + y² + 1e-12) as in logDensity; ∇ = −2(r − 2.6)/0.033 · θ/r. */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const r = Math.sqrt(x * x + y * y + 1e-12);
    const d = r - RADIUS;
    logp[i] = (-d * d) / SIGMA2;
    const slope = (-2 * d) / (SIGMA2 * r);
    grad[2 * i] = slope * x;
    grad[2 * i + 1] = slope * y;
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad): r = √(x² + y² + 1e-12),
 * log p̃ = −(r − 2.6)²/0.033, ∇ = θ · (−2(r − 2.6)/(0.033 r)), no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta) => {
  const r = tf.sqrt(tf.add(tf.sum(tf.square(theta), 1), 1e-12));
  const d = tf.sub(r, RADIUS);
  const logp = tf.mul(tf.square(d), -1 / SIGMA2) as Tensor1D;
  const slope = tf.div(tf.mul(d, -2 / SIGMA2), r);
  return { logp, grad: tf.mul(theta, tf.expandDims(slope, 1)) as Tensor2D };
};

/** donut's log p̃ for the engine, the CLI and code export (its info is donut.ts). */
export const donutDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    // +1e-12 under the root keeps ∂‖θ‖/∂θ finite at the origin; it moves ‖θ‖ by < 1e-12 on the ring
    const r = tf.sqrt(tf.add(tf.add(tf.square(x), tf.square(y)), 1e-12));
    return tf.div(tf.square(tf.sub(r, RADIUS)), -SIGMA2) as Tensor1D;
  },
  exportAs: () => ({ logDensity: formula(`-(sqrt(x^2 + y^2 + 1e-12) - ${lit(RADIUS)})^2/${lit(SIGMA2)}`) }),
  logDensityGrad,
  logDensityAndGrad,
};
