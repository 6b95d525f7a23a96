import { drawsWithLogQ } from './locationScale';
import type { FastFamily, FastFamilyFactory } from './types';
import { matrixAt, softmaxAt } from './namedParams';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * The diagonal Gaussian mixture in plain JS (docs/math.md#fast-paths). θ = [a (K), μ (K×d),
 * s (K×d)], π = softmax(a), σ = e^s. The loss is the stratified −ELBO of mixture.ts's draw:
 *   L = −Σₖ Σⱼ (πₖ/n) fₖⱼ,  fₖⱼ = log p̃(zₖⱼ) − log q(zₖⱼ),  zₖⱼ = μₖ + σₖ ⊙ εⱼ,
 * log q(z) = logsumexp_c(log π_c + log q_c(z)), responsibilities r_c(z) = π_c q_c(z)/q(z).
 * Backprop, with u_c = (z − μ_c)/σ_c² and h = ∇_z log q = −Σ_c r_c u_c:
 *   through z:        ∂μₖ −= (πₖ/n)(∇log p̃ − h),  ∂sₖᵢ −= (πₖ/n)(∇log p̃ − h)ᵢ σₖᵢ εⱼᵢ;
 *   through log q:    ∂a_c += Σ (πₖ/n) r_c − π_c,  ∂μ_c += Σ (πₖ/n) r_c u_c,  ∂s_cᵢ += Σ (πₖ/n) r_c (u_cᵢ(zᵢ − μ_cᵢ) − 1);
 *   through weights:  with Gₖ = −mean_j fₖⱼ, ∂a_m += π_m (G_m − Σₖ πₖ Gₖ).
 */
function mixtureFastOf(dim: number, K: number): FastFamily {
  const d = dim;
  const muAt = K;
  const sAt = K + K * d;
  const size = sAt + K * d;
  const pi = new Float64Array(K);
  const logPi = new Float64Array(K);
  const sigma = new Float64Array(K * d);
  const invVar = new Float64Array(K * d);
  const logNormC = new Float64Array(K);
  const lc = new Float64Array(K);
  const h = new Float64Array(d);
  const meanF = new Float64Array(K);
  let z = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  /** π, log π, σ, σ⁻², and log π_c − Σᵢ s_cᵢ − (d/2) log 2π per component, from θ. */
  const unpack = (theta: Float64Array): void => {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < K; c++) max = Math.max(max, theta[c]);
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(theta[c] - max);
    const lse = max + Math.log(sum);
    for (let c = 0; c < K; c++) {
      logPi[c] = theta[c] - lse;
      pi[c] = Math.exp(logPi[c]);
      let norm = logPi[c] - 0.5 * d * LOG_2PI;
      for (let i = 0; i < d; i++) {
        const s = theta[sAt + c * d + i];
        sigma[c * d + i] = Math.exp(s);
        invVar[c * d + i] = Math.exp(-2 * s);
        norm -= s;
      }
      logNormC[c] = norm;
    }
  };

  /** log q at row `row` of `pts`; leaves log π_c + log q_c − log q (log responsibilities) in lc. */
  const logQAt = (theta: Float64Array, pts: ArrayLike<number>, row: number): number => {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < K; c++) {
      let quad = 0;
      for (let i = 0; i < d; i++) {
        const r = pts[row * d + i] - theta[muAt + c * d + i];
        quad += r * r * invVar[c * d + i];
      }
      lc[c] = logNormC[c] - 0.5 * quad;
      if (lc[c] > max) max = lc[c];
    }
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(lc[c] - max);
    const lse = max + Math.log(sum);
    for (let c = 0; c < K; c++) lc[c] -= lse;
    return lse;
  };

  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    unpack(theta);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = logQAt(theta, points, i);
    return out;
  };

  /** Systematic assignment as mixture.ts: row i goes to the first k with (i + ½)/n < Cₖ (Cₖ cumulative π). */
  const sample = (theta: Float64Array, eps: Float32Array, n: number): Float64Array => {
    unpack(theta);
    const out = new Float64Array(n * d);
    let k = 0;
    let cum = pi[0];
    for (let j = 0; j < n; j++) {
      const u = (j + 0.5) / n;
      while (k < K - 1 && u >= cum) cum += pi[++k];
      for (let i = 0; i < d; i++) out[j * d + i] = theta[muAt + k * d + i] + sigma[k * d + i] * eps[j * d + i];
    }
    return out;
  };

  return {
    size,
    logScales: [[sAt, size]],
    params: (theta) => ({ weights: softmaxAt(theta, 0, K), mu: matrixAt(theta, muAt, K, d), sigma: matrixAt(theta, sAt, K, d, Math.exp) }),
    gradient(theta, eps, n, target, grad) {
      const m = K * n;
      if (z.length !== m * d) {
        z = new Float64Array(m * d);
        g = new Float64Array(m * d);
        logp = new Float64Array(m);
      }
      unpack(theta);
      // all K·n component draws, k-major as mixture.ts's draw
      for (let k = 0; k < K; k++) {
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < d; i++) z[(k * n + j) * d + i] = theta[muAt + k * d + i] + sigma[k * d + i] * eps[j * d + i];
        }
      }
      target.logDensityGrad(z, m, target.params, logp, g);
      grad.fill(0);
      let loss = 0;
      for (let k = 0; k < K; k++) {
        const w = pi[k] / n;
        let fSum = 0;
        for (let j = 0; j < n; j++) {
          const p = k * n + j;
          const f = logp[p] - logQAt(theta, z, p);
          fSum += f;
          loss -= w * f;
          h.fill(0);
          for (let c = 0; c < K; c++) {
            const r = Math.exp(lc[c]);
            const wr = w * r;
            grad[c] += wr;
            for (let i = 0; i < d; i++) {
              const diff = z[p * d + i] - theta[muAt + c * d + i];
              const u = diff * invVar[c * d + i];
              h[i] -= r * u;
              grad[muAt + c * d + i] += wr * u;
              grad[sAt + c * d + i] += wr * (u * diff - 1);
            }
          }
          for (let i = 0; i < d; i++) {
            const a = g[p * d + i] - h[i];
            grad[muAt + k * d + i] -= w * a;
            grad[sAt + k * d + i] -= w * a * sigma[k * d + i] * eps[j * d + i];
          }
        }
        meanF[k] = fSum / n;
      }
      // Σₖⱼ πₖ/n = 1, so the −π_c of ∂log q/∂a_c sums to −π_c; then the weights' share, Gₖ = −meanF[k]
      let piG = 0;
      for (let k = 0; k < K; k++) piG -= pi[k] * meanF[k];
      for (let c = 0; c < K; c++) grad[c] += -pi[c] + pi[c] * (-meanF[c] - piG);
      return loss;
    },
    sample,
    sampleWithLogQ: drawsWithLogQ(sample, logQ),
    logQ,
    moments(theta) {
      // E[θ] = Σ πₖ μₖ; Cov = Σ πₖ (diag σₖ² + μₖμₖᵀ) − E[θ]E[θ]ᵀ (law of total covariance)
      unpack(theta);
      const mean = Array.from({ length: d }, (_, a) => {
        let s = 0;
        for (let k = 0; k < K; k++) s += pi[k] * theta[muAt + k * d + a];
        return s;
      });
      const cov = mean.map((ma, a) =>
        mean.map((mb, b) => {
          let s = 0;
          for (let k = 0; k < K; k++) {
            const sa = sigma[k * d + a];
            s += pi[k] * ((a === b ? sa * sa : 0) + theta[muAt + k * d + a] * theta[muAt + k * d + b]);
          }
          return s - ma * mb;
        }),
      );
      return { mean, cov };
    },
  };
}

export const mixtureFast: FastFamilyFactory = (dim, options) => mixtureFastOf(dim, Math.round(options.K ?? 3));
