import type { Tensor1D, Tensor2D, TF } from '../tfTypes';

export const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log N((u1, u2); (m1, m2), [[s1², ρs1s2], [ρs1s2, s2²]]) elementwise, PRML eq. 2.43 written out
 * for d = 2 so that it costs a handful of fused elementwise ops.
 */
export function bivariateNormalLogPdf(
  tf: TF,
  u1: Tensor1D,
  u2: Tensor1D,
  m: readonly [number, number],
  s1: number,
  s2: number,
  rho: number,
): Tensor1D {
  const oneMinusRho2 = 1 - rho * rho;
  const a = tf.div(tf.sub(u1, m[0]), s1);
  const b = tf.div(tf.sub(u2, m[1]), s2);
  // Q = (a² − 2ρab + b²) / (1 − ρ²)
  const q = tf.div(tf.add(tf.sub(tf.square(a), tf.mul(tf.mul(a, b), 2 * rho)), tf.square(b)), oneMinusRho2);
  const logNorm = LOG_2PI + Math.log(s1 * s2) + 0.5 * Math.log(oneMinusRho2);
  return tf.sub(tf.mul(q, -0.5), logNorm);
}

/** log N(x; m, s²) elementwise. */
export function normalLogPdf(tf: TF, x: Tensor1D, m: number, s: number): Tensor1D {
  const z = tf.div(tf.sub(x, m), s);
  return tf.sub(tf.mul(tf.square(z), -0.5), 0.5 * LOG_2PI + Math.log(s));
}

/** Split a batch [n, 2] into its two columns, each [n]. */
export function columns2(tf: TF, theta: Tensor2D): [Tensor1D, Tensor1D] {
  const [x, y] = tf.split(theta, 2, 1);
  return [tf.reshape(x, [-1]) as Tensor1D, tf.reshape(y, [-1]) as Tensor1D];
}

export function column1(tf: TF, theta: Tensor2D): Tensor1D {
  return tf.reshape(theta, [-1]) as Tensor1D;
}
