import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { V_SD, V_SHIFT } from './funnel';
import { LOG_2PI, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/**
 * funnel: log p̃ = −v²/18 − ½x²e^{−v} − v/2 − log 3 − log 2π, v = y − 2;
 * ∂/∂x = −x e^{−v}, ∂/∂y = −v/9 + ½x²e^{−v} − ½.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  const norm = LOG_2PI + Math.log(V_SD);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const v = z[2 * i + 1] - V_SHIFT;
    const e = Math.exp(-v);
    logp[i] = (-0.5 * v * v) / (V_SD * V_SD) - 0.5 * x * x * e - 0.5 * v - norm;
    grad[2 * i] = -x * e;
    grad[2 * i + 1] = -v / (V_SD * V_SD) + 0.5 * x * x * e - 0.5;
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), with q = x²e^{−v} and
 * w = v/9 + ½: ∂/∂x = −x e^{−v}, ∂/∂y = ½q − w, log p̃ = −½(q + v(w + ½)) − norm
 * (v(w + ½) = v²/9 + v), no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta) => {
  const [x, y] = columns2(tf, theta);
  const v = tf.sub(y, V_SHIFT);
  const xe = tf.mul(x, tf.exp(tf.neg(v)));
  const q = tf.mul(x, xe);
  const w = tf.add(tf.mul(v, 1 / (V_SD * V_SD)), 0.5);
  const gy = tf.sub(tf.mul(q, 0.5), w);
  const vv = tf.mul(v, tf.add(w, 0.5));
  const logp = tf.sub(tf.mul(tf.add(q, vv), -0.5), LOG_2PI + Math.log(V_SD)) as Tensor1D;
  return { logp, grad: tf.stack([tf.neg(xe), gy], 1) as Tensor2D };
};

/** funnel's log p̃ for the engine, the CLI and code export (its info is funnel.ts). */
export const funnelDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const v = tf.sub(y, V_SHIFT);
    const logPv = tf.sub(tf.mul(tf.square(v), -0.5 / (V_SD * V_SD)), 0.5 * LOG_2PI + Math.log(V_SD));
    // log N(x; 0, e^{v}) = −½x²e^{−v} − v/2 − ½ log 2π
    const logPx = tf.sub(tf.add(tf.mul(tf.mul(tf.square(x), tf.exp(tf.neg(v))), -0.5), tf.mul(v, -0.5)), 0.5 * LOG_2PI);
    return tf.add(logPv, logPx) as Tensor1D;
  },
  exportAs: () => ({
    logDensity: formula(
      `-(y - ${lit(V_SHIFT)})^2/${lit(2 * V_SD * V_SD)} - 0.5*x^2*exp(-(y - ${lit(V_SHIFT)})) - 0.5*(y - ${lit(V_SHIFT)}) - ${lit(LOG_2PI + Math.log(V_SD))}`,
    ),
  }),
  logDensityGrad,
  logDensityAndGrad,
};
