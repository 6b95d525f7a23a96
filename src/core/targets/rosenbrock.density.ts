import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { columns2 } from './gaussianMath';
import { formula } from '../export/expr';

/** rosenbrock: ∂/∂x = 20x(y − x²) − (x − 1)/10, ∂/∂y = −10(y − x²). */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const v = z[2 * i + 1] - x * x;
    logp[i] = -(100 * v * v + (1 - x) * (1 - x)) / 20;
    grad[2 * i] = 20 * x * v - (x - 1) / 10;
    grad[2 * i + 1] = -10 * v;
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), with v = y − x²,
 * e = (x − 1)/10: ∂/∂y = −10v, ∂/∂x = −2x·∂/∂y − e, log p̃ = −5(v² + e²), no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta) => {
  const [x, y] = columns2(tf, theta);
  const v = tf.sub(y, tf.square(x));
  const e = tf.mul(tf.sub(x, 1), 0.1);
  const gy = tf.mul(v, -10);
  const gx = tf.sub(tf.mul(tf.mul(x, gy), -2), e);
  const logp = tf.mul(tf.add(tf.square(v), tf.square(e)), -5) as Tensor1D;
  return { logp, grad: tf.stack([gx, gy], 1) as Tensor2D };
};

/** rosenbrock's log p̃ for the engine, the CLI and code export (its info is rosenbrock.ts). */
export const rosenbrockDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const valley = tf.mul(tf.square(tf.sub(y, tf.square(x))), 100);
    return tf.div(tf.add(valley, tf.square(tf.sub(x, 1))), -20) as Tensor1D;
  },
  exportAs: () => ({ logDensity: formula('-(100*(y - x^2)^2 + (1 - x)^2)/20') }),
  logDensityGrad,
  logDensityAndGrad,
};
