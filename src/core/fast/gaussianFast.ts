import { drawsWithLogQ, finishLogScales } from './locationScale';
import type { FastFamily, FastFamilyFactory } from './types';
import { choleskyAt, vectorAt } from './namedParams';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Mean-field and full-rank Gaussians in plain JS (docs/math.md#gaussian-families). θ is the tf
 * variables in order: mean-field [μ (d), s (d)], full-rank [μ (d), off (d×d, strict lower used),
 * s (d)], with L = strict-lower(off) + diag(e^s). Gradients of −ELBO with the analytic entropy
 * ELBO = mean log p̃(μ + Lε) + Σ sᵢ + const:
 *   ∂μ = −mean g,  ∂L_jk (j > k) = −mean g_j ε_k,  ∂s_j = −(mean g_j ε_j · e^{s_j} + 1).
 */
function gaussianFast(dim: number, full: boolean): FastFamily {
  const d = dim;
  const offAt = full ? d : -1;
  const sAt = full ? d + d * d : d;
  const size = sAt + d;
  let z = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  const sample = (theta: Float64Array, eps: Float32Array, n: number): Float64Array => {
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let acc = theta[j] + Math.exp(theta[sAt + j]) * eps[i * d + j];
        if (full) for (let k = 0; k < j; k++) acc += theta[offAt + j * d + k] * eps[i * d + k];
        out[i * d + j] = acc;
      }
    }
    return out;
  };

  /** log q by forward substitution: −½‖L⁻¹(z − μ)‖² − Σ sᵢ − (d/2) log 2π. */
  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    const out = new Float64Array(n);
    let c = 0.5 * d * LOG_2PI;
    for (let j = 0; j < d; j++) c += theta[sAt + j];
    const v = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      let quad = 0;
      for (let j = 0; j < d; j++) {
        let r = points[i * d + j] - theta[j];
        if (full) for (let k = 0; k < j; k++) r -= theta[offAt + j * d + k] * v[k];
        v[j] = r / Math.exp(theta[sAt + j]);
        quad += v[j] * v[j];
      }
      out[i] = -0.5 * quad - c;
    }
    return out;
  };

  return {
    size,
    logScales: [[sAt, sAt + d]],
    params: (theta): Record<string, number[] | number[][]> => (full ? { mu: vectorAt(theta, 0, d), L: choleskyAt(theta, offAt, sAt, d) } : { mu: vectorAt(theta, 0, d), sigma: vectorAt(theta, sAt, d, Math.exp) }),
    gradient(theta, eps, n, target, grad) {
      if (z.length !== n * d) {
        z = new Float64Array(n * d);
        g = new Float64Array(n * d);
        logp = new Float64Array(n);
      }
      z.set(sample(theta, eps, n));
      target.logDensityGrad(z, n, target.params, logp, g);
      grad.fill(0);
      let meanLogp = 0;
      for (let i = 0; i < n; i++) {
        meanLogp += logp[i] / n;
        for (let j = 0; j < d; j++) {
          const gj = g[i * d + j];
          grad[j] -= gj / n;
          grad[sAt + j] -= (gj * eps[i * d + j]) / n;
          if (full) for (let k = 0; k < j; k++) grad[offAt + j * d + k] -= (gj * eps[i * d + k]) / n;
        }
      }
      return -(meanLogp + finishLogScales(theta, grad, sAt, d, 0.5 * d * (1 + LOG_2PI)));
    },
    sample,
    sampleWithLogQ: drawsWithLogQ(sample, logQ),
    logQ,
    /** mean μ, covariance LLᵀ. */
    moments(theta) {
      const L = Array.from({ length: d }, (_, j) =>
        Array.from({ length: d }, (__, k) => (k === j ? Math.exp(theta[sAt + j]) : full && k < j ? theta[offAt + j * d + k] : 0)),
      );
      const cov = L.map((rj) => L.map((rk) => rj.reduce((acc, v, m) => acc + v * rk[m], 0)));
      return { mean: Array.from(theta.subarray(0, d)), cov };
    },
  };
}

export const meanFieldFast: FastFamilyFactory = (dim) => gaussianFast(dim, false);
export const fullRankFast: FastFamilyFactory = (dim) => gaussianFast(dim, true);
