import { cholesky, symmetricEigen } from '../families/familyMath';
import type { FastFamily, FastTarget } from './types';

const LOG_2PI = Math.log(2 * Math.PI);
/** As laplaceApprox.ts: curvature below FLOOR/s² (s = the initial scale) is raised to it. */
const FLOOR = 0.01;

interface Curvature {
  readonly precision: number[][];
  readonly cov: number[][];
  readonly chol: number[][];
  readonly logDetCov: number;
  readonly floored: number;
}

/**
 * The Laplace approximation in plain JS (docs/math.md#fast-paths): θ = μ (d), stepped as the MAP
 * (loss −log p̃(μ), gradient −∇log p̃(μ)); q = N(μ, H⁻¹) with H the tfjs family's central
 * differences of ∇(−log p̃) at float32 μ with float32 steps xᵢ ± 10⁻²·max(1, |xᵢ|), symmetrised,
 * eigenvalues floored at FLOOR/s². Like the tfjs family, q is N(μ, s²I) until a step has named the
 * target; its moments and params are this family's own (the tf twin learns the target only in ownLoss).
 */
export function laplaceApproxFast(dim: number, initScale: number): FastFamily {
  const d = dim;
  const floor = FLOOR / (initScale * initScale);
  const logp = new Float64Array(2 * d);
  const probe = new Float64Array(2 * d * d);
  const slope = new Float64Array(2 * d * d);
  let target: FastTarget | null = null;
  let cacheKey = '';
  let cache: Curvature | null = null;

  const curvature = (theta: Float64Array): Curvature => {
    const at = Array.from(theta.subarray(0, d), Math.fround);
    const key = JSON.stringify([at, target?.params ?? null]);
    if (cache && key === cacheKey) return cache;
    let H = at.map((_, i) => at.map((__, j) => (i === j ? 1 / (initScale * initScale) : 0)));
    if (target) {
      // rows 2i and 2i + 1 of the probe: μ with coordinate i moved up and down
      const steps = at.map((xi) => [Math.fround(xi + 1e-2 * Math.max(1, Math.abs(xi))), Math.fround(xi - 1e-2 * Math.max(1, Math.abs(xi)))]);
      for (let i = 0; i < d; i++) {
        for (let s = 0; s < 2; s++) for (let j = 0; j < d; j++) probe[(2 * i + s) * d + j] = i === j ? steps[i][s] : at[j];
      }
      target.logDensityGrad(probe, 2 * d, target.params, logp, slope);
      // H_ji = ∂_j(−log p̃) differenced along i: (g(x + hᵢ) − g(x − hᵢ))/(hᵢ⁺ − hᵢ⁻)
      H = at.map((_, j) => at.map((__, i) => -(slope[2 * i * d + j] - slope[(2 * i + 1) * d + j]) / (steps[i][0] - steps[i][1])));
    }
    const Hs = H;
    const { values, vectors: V } = symmetricEigen(Hs.map((r, i) => r.map((v, j) => 0.5 * (v + Hs[j][i]))));
    const lam = values.map((v) => (Number.isFinite(v) ? Math.max(v, floor) : floor));
    const rebuild = (g: (l: number) => number) => V.map((ri) => V.map((rj) => ri.reduce((s, v, k) => s + v * g(lam[k]) * rj[k], 0)));
    const cov = rebuild((l) => 1 / l);
    cacheKey = key;
    cache = { precision: rebuild((l) => l), cov, chol: cholesky(cov), logDetCov: -lam.reduce((s, l) => s + Math.log(l), 0), floored: values.filter((v) => !(v > floor)).length };
    return cache;
  };

  const sample = (theta: Float64Array, eps: Float32Array, n: number): Float64Array => {
    const { chol } = curvature(theta);
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let acc = Math.fround(theta[j]);
        for (let k = 0; k <= j; k++) acc += chol[j][k] * eps[i * d + k];
        out[i * d + j] = acc;
      }
    }
    return out;
  };

  /** log N(z; μ, H⁻¹) = −½ (z − μ)ᵀ H (z − μ) − ½ log det Σ − (d/2) log 2π. */
  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    const { precision, logDetCov } = curvature(theta);
    const c = 0.5 * (logDetCov + d * LOG_2PI);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let quad = 0;
      for (let j = 0; j < d; j++) {
        const dj = points[i * d + j] - Math.fround(theta[j]);
        for (let k = 0; k < d; k++) quad += dj * precision[j][k] * (points[i * d + k] - Math.fround(theta[k]));
      }
      out[i] = -0.5 * quad - c;
    }
    return out;
  };

  return {
    size: d,
    logScales: [],
    gradient(theta, _eps, _n, t, grad) {
      target = t;
      t.logDensityGrad(theta, 1, t.params, logp, grad);
      for (let j = 0; j < d; j++) grad[j] = -grad[j];
      return -logp[0];
    },
    sample,
    sampleWithLogQ(theta, eps, n) {
      const z = sample(theta, eps, n);
      return { z, logq: logQ(theta, z, n) };
    },
    logQ,
    moments: (theta) => ({ mean: Array.from(theta.subarray(0, d)), cov: curvature(theta).cov }),
    params: (theta) => {
      const c = curvature(theta);
      return { mu: Array.from(theta.subarray(0, d), Math.fround), cov: c.cov, flooredEigenvalues: [c.floored] };
    },
  };
}
