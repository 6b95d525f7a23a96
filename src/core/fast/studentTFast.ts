import { chiSquareDraws, hashFloats } from '../families/familyMath';
import { digamma, lgamma } from '../targets/special';
import { drawsWithLogQ, finishLogScales } from './locationScale';
import type { FastFamily, FastFamilyFactory } from './types';
import { choleskyAt, vectorAt } from './namedParams';

/**
 * The full-rank Student-t in plain JS (docs/math.md#fast-paths). θ = [μ (d), off (d×d, strict
 * lower used), s (d)], L = strict-lower(off) + diag(e^s), as studentT.ts. Draws
 * zᵢ = μ + tᵢ L εᵢ with tᵢ = √(ν/χ²ᵢ), the χ² seeded by a hash of the ε batch (the same
 * chiSquareDraws(hashFloats(ε)) as the tfjs family, so both paths see the same tᵢ). The entropy is
 * analytic, H = Σ sⱼ + const, so with g = ∇log p̃(z):
 *   ∂μ = −mean g,  ∂L_jk (j > k) = −mean g_j tε_k,  ∂s_j = −(mean g_j tε_j · e^{s_j} + 1).
 */
function studentTFastOf(dim: number, nu: number): FastFamily {
  const d = dim;
  const offAt = d;
  const sAt = d + d * d;
  const size = sAt + d;
  const half = (nu + d) / 2;
  // the tfjs family's constants: log Γ((ν+d)/2) − log Γ(ν/2) − (d/2) log νπ, and the entropy's
  const logNorm = lgamma(half) - lgamma(nu / 2) - 0.5 * d * Math.log(nu * Math.PI);
  const entropyConst = -logNorm + half * (digamma(half) - digamma(nu / 2));
  const v = new Float64Array(d);
  let te = new Float64Array(0);
  let z = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  /** tᵢεᵢ into `out` ([n, d]): the per-row tail factor times the normal draw. */
  const scaledNoise = (eps: Float32Array, n: number, out: Float64Array): void => {
    const chi2 = chiSquareDraws(hashFloats(eps.length === n * d ? eps : eps.subarray(0, n * d)), n, nu);
    for (let i = 0; i < n; i++) {
      const t = Math.sqrt(nu / chi2[i]);
      for (let j = 0; j < d; j++) out[i * d + j] = t * eps[i * d + j];
    }
  };

  /** z = μ + L·x row by row, x the scaled noise; j runs down so that out may be x (row j reads x₀..x_j only). */
  const transform = (theta: Float64Array, x: Float64Array, n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      for (let j = d - 1; j >= 0; j--) {
        let acc = theta[j] + Math.exp(theta[sAt + j]) * x[i * d + j];
        for (let k = 0; k < j; k++) acc += theta[offAt + j * d + k] * x[i * d + k];
        out[i * d + j] = acc;
      }
    }
  };

  const sample = (theta: Float64Array, eps: Float32Array, n: number): Float64Array => {
    const x = new Float64Array(n * d);
    scaledNoise(eps, n, x);
    transform(theta, x, n, x);
    return x;
  };

  /** log q = logNorm − Σ sⱼ − ((ν+d)/2) log(1 + ‖L⁻¹(z − μ)‖²/ν), by forward substitution. */
  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    const out = new Float64Array(n);
    let c = logNorm;
    for (let j = 0; j < d; j++) c -= theta[sAt + j];
    for (let i = 0; i < n; i++) {
      let quad = 0;
      for (let j = 0; j < d; j++) {
        let r = points[i * d + j] - theta[j];
        for (let k = 0; k < j; k++) r -= theta[offAt + j * d + k] * v[k];
        v[j] = r / Math.exp(theta[sAt + j]);
        quad += v[j] * v[j];
      }
      out[i] = c - half * Math.log1p(quad / nu);
    }
    return out;
  };

  return {
    size,
    logScales: [[sAt, sAt + d]],
    params: (theta) => ({ mu: vectorAt(theta, 0, d), L: choleskyAt(theta, offAt, sAt, d), nu: [nu] }),
    gradient(theta, eps, n, target, grad) {
      if (z.length !== n * d) {
        te = new Float64Array(n * d);
        z = new Float64Array(n * d);
        g = new Float64Array(n * d);
        logp = new Float64Array(n);
      }
      scaledNoise(eps, n, te);
      transform(theta, te, n, z);
      target.logDensityGrad(z, n, target.params, logp, g);
      grad.fill(0);
      let meanLogp = 0;
      for (let i = 0; i < n; i++) {
        meanLogp += logp[i] / n;
        for (let j = 0; j < d; j++) {
          const gj = g[i * d + j];
          grad[j] -= gj / n;
          grad[sAt + j] -= (gj * te[i * d + j]) / n;
          for (let k = 0; k < j; k++) grad[offAt + j * d + k] -= (gj * te[i * d + k]) / n;
        }
      }
      return -(meanLogp + finishLogScales(theta, grad, sAt, d, entropyConst));
    },
    sample,
    sampleWithLogQ: drawsWithLogQ(sample, logQ),
    logQ,
    moments(theta) {
      // Cov = ν/(ν−2)·LLᵀ for ν > 2, else the scale matrix LLᵀ (as studentT.ts reports)
      const f = nu > 2 ? nu / (nu - 2) : 1;
      const L = (j: number, k: number): number => (k === j ? Math.exp(theta[sAt + j]) : k < j ? theta[offAt + j * d + k] : 0);
      const cov = Array.from({ length: d }, (_, a) =>
        Array.from({ length: d }, (_, b) => {
          let s = 0;
          for (let k = 0; k < d; k++) s += L(a, k) * L(b, k);
          return f * s;
        }),
      );
      return { mean: Array.from(theta.subarray(0, d)), cov };
    },
  };
}

export const studentTFast: FastFamilyFactory = (dim, options) => studentTFastOf(dim, options.nu ?? 5);
