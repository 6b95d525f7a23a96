import type { LogDensityGrad } from '../fast/types';

/**
 * What the page shows of each display sample θᵢ (docs/math.md#see-the-gradient), in plain JS from
 * the target's hand-derived ∇log p̃ (no tfjs on the page): log p̃(θᵢ), ∇log p̃(θᵢ) and, when q is a
 * Gaussian known by its mean and covariance, log q(θᵢ) and ∇θ log q(θᵢ) = −Σ⁻¹(θᵢ − μ). Then
 * fᵢ = log p̃ − log q and ∇θ fᵢ, the pathwise gradient each sample contributes: for a Gaussian,
 * ∇μ ELBO = E_q[∇θ f(θ)] (and E_q[∇θ log q] = 0, so its mean equals E_q[∇log p̃]).
 */
export interface SampleScores {
  readonly n: number;
  readonly dim: number;
  readonly logp: Float64Array;
  /** [n, dim] row-major. */
  readonly gradLogp: Float64Array;
  /** null when q is not a Gaussian given by its moments (then only log p̃ is known here). */
  readonly logq: Float64Array | null;
  readonly gradLogq: Float64Array | null;
}

export interface GaussianMoments {
  readonly mean: readonly number[];
  readonly cov: readonly (readonly number[])[];
}

/** Lower Cholesky factor of a small SPD matrix, or null when it is not positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const d = a.length;
  const L = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log N(z; μ, Σ) and its gradient −Σ⁻¹(z − μ) at n points [n, dim], by Cholesky: with Lu = r,
 * rᵀΣ⁻¹r = ‖u‖² and Σ⁻¹r = L⁻ᵀu. Null when Σ is not positive definite.
 */
export function gaussianLogDensity(q: GaussianMoments, z: ArrayLike<number>, n: number): { logq: Float64Array; grad: Float64Array } | null {
  const d = q.mean.length;
  const L = cholesky(q.cov);
  if (!L) return null;
  let logDet = 0;
  for (let i = 0; i < d; i++) logDet += 2 * Math.log(L[i][i]);
  const logq = new Float64Array(n);
  const grad = new Float64Array(n * d);
  const u = new Float64Array(d);
  const v = new Float64Array(d);
  for (let s = 0; s < n; s++) {
    // Forward: L u = r.
    for (let i = 0; i < d; i++) {
      let t = z[s * d + i] - q.mean[i];
      for (let k = 0; k < i; k++) t -= L[i][k] * u[k];
      u[i] = t / L[i][i];
    }
    // Back: Lᵀ v = u, so v = Σ⁻¹ r.
    for (let i = d - 1; i >= 0; i--) {
      let t = u[i];
      for (let k = i + 1; k < d; k++) t -= L[k][i] * v[k];
      v[i] = t / L[i][i];
    }
    let m = 0;
    for (let i = 0; i < d; i++) {
      m += u[i] * u[i];
      grad[s * d + i] = -v[i];
    }
    logq[s] = -0.5 * (d * LOG_2PI + logDet + m);
  }
  return { logq, grad };
}

/** Scores of n samples [n, dim] under a target's plain-JS log p̃ (with its parameters) and, when given, a Gaussian q. */
export function sampleScores(
  logDensityGrad: LogDensityGrad,
  params: Readonly<Record<string, number>>,
  samples: ArrayLike<number>,
  dim: number,
  gaussian: GaussianMoments | null,
): SampleScores {
  const n = Math.floor(samples.length / dim);
  const z = Float64Array.from(samples);
  const logp = new Float64Array(n);
  const gradLogp = new Float64Array(n * dim);
  logDensityGrad(z, n, params, logp, gradLogp);
  const q = gaussian ? gaussianLogDensity(gaussian, z, n) : null;
  return { n, dim, logp, gradLogp, logq: q?.logq ?? null, gradLogq: q?.grad ?? null };
}

/** ∇θ[log p̃ − log q] where log q is known, else ∇log p̃ alone: which one is said by `pathwise`. */
export function sampleGradients(s: SampleScores): { grad: Float64Array; pathwise: boolean } {
  if (!s.gradLogq) return { grad: s.gradLogp, pathwise: false };
  const grad = new Float64Array(s.gradLogp.length);
  for (let i = 0; i < grad.length; i++) grad[i] = s.gradLogp[i] - s.gradLogq[i];
  return { grad, pathwise: true };
}
