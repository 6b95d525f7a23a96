import { drawsWithLogQ, finishLogScales } from './locationScale';
import type { FastFamily, FastFamilyFactory } from './types';
import { vectorAt } from './namedParams';

/** Numerical Recipes' erfcc coefficients, highest power first, as familyMath.ts's logErfc. */
const ERFCC = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368];

/** log erfc(x), x ≥ 0, by the same formula as familyMath.ts's tf logErfc: log t − x² + P(t) − 1.26551223. */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  let p = t * ERFCC[0];
  for (let i = 1; i < ERFCC.length; i++) p = (p + ERFCC[i]) * t;
  return Math.log(t) - x * x + p - 1.26551223;
}

/**
 * The mean-field Laplace in plain JS (docs/math.md#fast-paths). θ = [μ (d), s (d)], b = e^s, as
 * laplace.ts: z = μ + b ⊙ x(ε) with x(ε) = −sign ε · log erfc(|ε|/√2) (the inverse CDF at Φ(ε)).
 * The entropy is analytic, H = Σ (1 + log 2bⱼ), so with g = ∇log p̃(z):
 *   ∂μ = −mean g,  ∂s_j = −(mean g_j x_j · b_j + 1).
 */
function laplaceFastOf(dim: number): FastFamily {
  const d = dim;
  const size = 2 * d;
  let x = new Float64Array(0);
  let z = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  const standard = (eps: Float32Array, n: number, out: Float64Array): void => {
    for (let i = 0; i < n * d; i++) out[i] = -Math.sign(eps[i]) * logErfc(Math.abs(eps[i]) * Math.SQRT1_2);
  };
  const transform = (theta: Float64Array, xs: Float64Array, n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = theta[j] + Math.exp(theta[d + j]) * xs[i * d + j];
  };

  const sample = (theta: Float64Array, eps: Float32Array, n: number): Float64Array => {
    const out = new Float64Array(n * d);
    standard(eps, n, out);
    transform(theta, out, n, out);
    return out;
  };

  /** log q = Σⱼ (−|zⱼ − μⱼ|/bⱼ − sⱼ − log 2). */
  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    const out = new Float64Array(n);
    let c = d * Math.LN2;
    for (let j = 0; j < d; j++) c += theta[d + j];
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let j = 0; j < d; j++) a += Math.abs(points[i * d + j] - theta[j]) * Math.exp(-theta[d + j]);
      out[i] = -a - c;
    }
    return out;
  };

  return {
    size,
    logScales: [[d, size]],
    params: (theta) => ({ mu: vectorAt(theta, 0, d), b: vectorAt(theta, d, d, Math.exp) }),
    gradient(theta, eps, n, target, grad) {
      if (z.length !== n * d) {
        x = new Float64Array(n * d);
        z = new Float64Array(n * d);
        g = new Float64Array(n * d);
        logp = new Float64Array(n);
      }
      standard(eps, n, x);
      transform(theta, x, n, z);
      target.logDensityGrad(z, n, target.params, logp, g);
      grad.fill(0);
      let meanLogp = 0;
      for (let i = 0; i < n; i++) {
        meanLogp += logp[i] / n;
        for (let j = 0; j < d; j++) {
          grad[j] -= g[i * d + j] / n;
          grad[d + j] -= (g[i * d + j] * x[i * d + j]) / n;
        }
      }
      return -(meanLogp + finishLogScales(theta, grad, d, d, d * (1 + Math.LN2)));
    },
    sample,
    sampleWithLogQ: drawsWithLogQ(sample, logQ),
    logQ,
    moments(theta) {
      // Var = 2b² per coordinate, no covariance
      const mean = Array.from(theta.subarray(0, d));
      return { mean, cov: mean.map((_, a) => mean.map((_, b) => (a === b ? 2 * Math.exp(2 * theta[d + a]) : 0))) };
    },
  };
}

export const laplaceFast: FastFamilyFactory = (dim) => laplaceFastOf(dim);
