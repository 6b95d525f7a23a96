import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/**
 * banana: u = (x/a, a·y + a·b·(x² + a²)), log N(u; (0, 4), S), S = [[1, .5], [.5, 1]] so
 * S⁻¹ = (4/3)[[1, −.5], [−.5, 1]]; chain rule ∂u₁/∂x = 1/a, ∂u₂/∂x = 2abx, ∂u₂/∂y = a.
 */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const { a, b } = p;
  const norm = LOG_2PI + 0.5 * Math.log(0.75);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const d1 = x / a;
    const d2 = a * y + a * b * (x * x + a * a) - 4;
    const g1 = -(d1 - 0.5 * d2) / 0.75;
    const g2 = -(d2 - 0.5 * d1) / 0.75;
    logp[i] = 0.5 * (d1 * g1 + d2 * g2) - norm;
    grad[2 * i] = g1 / a + g2 * 2 * a * b * x;
    grad[2 * i + 1] = g2 * a;
  }
};

/**
 * The same log p̃ and gradient in tf ops for the tfjs path (types.ts#logDensityAndGrad), with
 * d₂ = a·y + a·b·x² + (a³b − 4) and gᵢ = −(S⁻¹d)ᵢ written out: 25 kernels, no autodiff.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta, p) => {
  const { a, b } = p;
  const [x, y] = columns2(tf, theta);
  const d1 = tf.div(x, a);
  const d2 = tf.add(tf.add(tf.mul(y, a), tf.mul(tf.square(x), a * b)), a * a * a * b - 4);
  const g1 = tf.sub(tf.mul(d2, 2 / 3), tf.mul(d1, 4 / 3));
  const g2 = tf.sub(tf.mul(d1, 2 / 3), tf.mul(d2, 4 / 3));
  const logp = tf.sub(tf.mul(tf.add(tf.mul(d1, g1), tf.mul(d2, g2)), 0.5), LOG_2PI + 0.5 * Math.log(0.75)) as Tensor1D;
  const gx = tf.add(tf.div(g1, a), tf.mul(g2, tf.mul(x, 2 * a * b)));
  return { logp, grad: tf.stack([gx, tf.mul(g2, a)], 1) as Tensor2D };
};

/** banana's log p̃ for the engine, the CLI and code export (its info is banana.ts). */
export const bananaDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const [x, y] = columns2(tf, theta);
    const u1 = tf.div(x, p.a) as Tensor1D;
    const u2 = tf.add(tf.mul(y, p.a), tf.mul(tf.add(tf.square(x), p.a * p.a), p.a * p.b)) as Tensor1D;
    return bivariateNormalLogPdf(tf, u1, u2, [0, 4], 1, 1, 0.5);
  },
  // the quadratic form of S⁻¹ = (4/3)[[1, −.5], [−.5, 1]]: −½·(4/3)(u₁² − u₁u₂ + u₂²), u₂ shifted by its mean 4
  exportAs({ a, b }) {
    const u1 = `(x/${lit(a)})`;
    const u2 = `(${lit(a)}*y + ${lit(a * b)}*(x^2 + ${lit(a * a)}) - 4)`;
    return { logDensity: formula(`-(${u1}^2 - ${u1}*${u2} + ${u2}^2)/1.5 - ${lit(LOG_2PI + 0.5 * Math.log(0.75))}`) };
  },
  logDensityGrad,
  logDensityAndGrad,
};
