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
  // unstack of the transpose reads rows contiguously: ~10x faster on the cpu backend than a
  // column split of a tall [n, 2] batch (9.8 ms vs 0.8 ms on the 14,641-point plot grid).
  const [x, y] = tf.unstack(tf.transpose(theta));
  return [x as Tensor1D, y as Tensor1D];
}

export function column1(tf: TF, theta: Tensor2D): Tensor1D {
  return tf.reshape(theta, [-1]) as Tensor1D;
}

/** Numerical Recipes (2nd ed., §6.2, erfcc) coefficients of P(t) in erfc(a) ≈ t·exp(−a² + P(t)). */
const ERFCC = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/**
 * log Φ(z) elementwise, finite for every z in float32. tf.erf cannot do it: 1 + erf(z) cancels to
 * 0 below z ≈ −5, so log Φ would be −∞ there. Instead, with a = |z|/√2 and t = 1/(1 + a/2),
 * log erfc(a) = log t − a² + P(t) (fractional error < 1.2e-7 for all a ≥ 0), and
 * Φ(z) = ½ erfc(a) for z ≤ 0, 1 − ½ erfc(a) for z > 0. Both branches are finite everywhere, and
 * they are blended by the 0/1 mask step(z), because tfjs has no gradient for comparisons (so no
 * tf.where on tf.less(z, 0) here).
 */
export function logNormalCdf(tf: TF, z: Tensor1D): Tensor1D {
  const positive = tf.step(z); // 1 where z > 0, else 0; its gradient is 0
  // a = |z|/√2 written as z·(2·step − 1): at z = 0 it is −z, whose branch has the right slope
  const a = tf.div(tf.mul(z, tf.sub(tf.mul(positive, 2), 1)), Math.SQRT2);
  const t = tf.div(1, tf.add(tf.mul(a, 0.5), 1));
  let poly = tf.mul(t, ERFCC[ERFCC.length - 1]);
  for (let k = ERFCC.length - 2; k >= 1; k--) poly = tf.mul(t, tf.add(poly, ERFCC[k]));
  const logErfc = tf.add(tf.sub(tf.log(t), tf.square(a)), tf.add(poly, ERFCC[0]));
  const lower = tf.sub(logErfc, Math.LN2);
  const upper = tf.log1p(tf.mul(tf.exp(logErfc), -0.5));
  // s·upper + (1 − s)·lower is exactly one branch (0·finite = 0), unlike lower + s·(upper − lower)
  return tf.add(tf.mul(positive, upper), tf.mul(tf.sub(1, positive), lower)) as Tensor1D;
}

/** log Φ(z) and its slope d/dz, as `logNormalCdfWithSlope` writes them. */
export interface ValueAndSlope {
  value: number;
  slope: number;
}

/**
 * logNormalCdf in plain float64 JS, with the exact derivative of the same approximation (so it
 * agrees with tfjs autodiff of logNormalCdf, not merely with φ/Φ): a = z·(2s − 1)/√2, s = step(z);
 * t = 1/(1 + a/2), dt/da = −t²/2; L = log t − a² + P(t), dL/da = (1/t + P′(t))·dt/da − 2a;
 * lower = L − log 2, upper = log1p(−½eᴸ), d upper/dL = −½eᴸ/(1 − ½eᴸ). Writes into `out` (no
 * allocation per point).
 */
export function logNormalCdfWithSlope(z: number, out: ValueAndSlope): void {
  const positive = z > 0;
  const sign = positive ? 1 : -1;
  const a = (z * sign) / Math.SQRT2;
  const t = 1 / (0.5 * a + 1);
  // Horner for P(t) − c₀ = t(c₁ + t(c₂ + …)) and its derivative, in the order logNormalCdf uses
  let poly = t * ERFCC[ERFCC.length - 1];
  let dpoly = ERFCC[ERFCC.length - 1];
  for (let k = ERFCC.length - 2; k >= 1; k--) {
    dpoly = poly + ERFCC[k] + t * dpoly;
    poly = t * (poly + ERFCC[k]);
  }
  const logErfc = Math.log(t) - a * a + poly + ERFCC[0];
  const dLogErfcDa = (1 / t + dpoly) * (-0.5 * t * t) - 2 * a;
  const dLogErfcDz = (dLogErfcDa * sign) / Math.SQRT2;
  if (positive) {
    const half = 0.5 * Math.exp(logErfc);
    out.value = Math.log1p(-half);
    out.slope = (-half / (1 - half)) * dLogErfcDz;
  } else {
    out.value = logErfc - Math.LN2;
    out.slope = dLogErfcDz;
  }
}
