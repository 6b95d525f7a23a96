import { LOG_2PI, sigmoid, softplus } from './flowMath';
import { matrixAt, planarUHat, vectorAt } from './namedParams';
import type { FastFamily, FastFamilyFactory } from './types';

/** The floor planarFlow.ts adds to each layer's determinant 1 + (1 − h²)·m. */
const DET_FLOOR = 1e-7;
/** Layers whose determinants (each in [1e-7, 1 + m]) are multiplied before one log: 1e-7¹⁶ is far from underflow. */
const LOG_EVERY = 16;

/**
 * The planar flow in plain JS (docs/math.md#fast-paths). θ = [μ (d), log σ (d), u (K×d), w (K×d),
 * b (K)], the tf variables of planarFlow.ts in order. Forward: z₀ = μ + σ ⊙ ε, zₖ = zₖ₋₁ + ûₖ hₖ,
 * hₖ = tanh(wₖᵀzₖ₋₁ + bₖ); û = u + (m − wᵀu)·w/‖w‖², m = softplus(wᵀu) − 1; log q(z_K) =
 * log N(ε) − Σ log σ − Σₖ log(1 + (1 − hₖ²)mₖ). The loss is mean(log q − log p̃) over the batch;
 * its gradient is backpropagated by hand through every layer, then through û's constraint.
 */
function buildPlanarFlowFast(dim: number, options: Readonly<Record<string, number>>): FastFamily {
  const d = dim;
  const K = Math.round(options.layers ?? 8);
  const U = 2 * d;
  const W = U + K * d;
  const B = W + K * d;
  const size = B + K;
  // per-layer constants of the constraint, recomputed from θ each call
  const uHat = new Float64Array(K * d);
  const m = new Float64Array(K);
  const shift = new Float64Array(K);
  const norm2 = new Float64Array(K);
  const wu = new Float64Array(K);
  const dUHat = new Float64Array(K * d);
  const dM = new Float64Array(K);
  const sigma = new Float64Array(d);
  const gz = new Float64Array(d);
  // batch buffers, sized on first use: zs holds z₀..z_K per draw, hs the K activations
  let zs = new Float64Array(0);
  let hs = new Float64Array(0);
  let zK = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  const constrain = (theta: Float64Array): void => {
    for (let k = 0; k < K; k++) {
      let a = 0;
      let n2 = 0;
      for (let j = 0; j < d; j++) {
        const wj = theta[W + k * d + j];
        a += wj * theta[U + k * d + j];
        n2 += wj * wj;
      }
      wu[k] = a;
      norm2[k] = n2;
      m[k] = softplus(a) - 1;
      shift[k] = (m[k] - a) / n2;
      for (let j = 0; j < d; j++) uHat[k * d + j] = theta[U + k * d + j] + shift[k] * theta[W + k * d + j];
    }
    for (let j = 0; j < d; j++) sigma[j] = Math.exp(theta[d + j]);
  };

  /** Fills zs (z₀..z_K per draw, [n, K + 1, d]) and hs ([n, K]); θ must be constrained first. */
  const forward = (theta: Float64Array, eps: Float32Array, n: number, zOut: Float64Array, hOut: Float64Array): void => {
    const stride = (K + 1) * d;
    for (let i = 0; i < n; i++) {
      const at = i * stride;
      for (let j = 0; j < d; j++) zOut[at + j] = theta[j] + sigma[j] * eps[i * d + j];
      for (let k = 0; k < K; k++) {
        const prev = at + k * d;
        let a = theta[B + k];
        for (let j = 0; j < d; j++) a += theta[W + k * d + j] * zOut[prev + j];
        const h = Math.tanh(a);
        hOut[i * K + k] = h;
        for (let j = 0; j < d; j++) zOut[prev + d + j] = zOut[prev + j] + uHat[k * d + j] * h;
      }
    }
  };

  /** log q at draw i: log N(z₀) − Σₖ log(1 + (1 − hₖ²)mₖ). */
  const logQAt = (theta: Float64Array, eps: Float32Array, hOut: Float64Array, i: number): number => {
    let q = -0.5 * d * LOG_2PI;
    for (let j = 0; j < d; j++) q -= 0.5 * eps[i * d + j] * eps[i * d + j] + theta[d + j];
    let det = 1;
    for (let k = 0; k < K; k++) {
      const h = hOut[i * K + k];
      det *= 1 + (1 - h * h) * m[k] + DET_FLOOR;
      if ((k + 1) % LOG_EVERY === 0) {
        q -= Math.log(det);
        det = 1;
      }
    }
    return q - Math.log(det);
  };

  const ensure = (n: number): void => {
    if (zK.length === n * d) return;
    zs = new Float64Array(n * (K + 1) * d);
    hs = new Float64Array(n * K);
    zK = new Float64Array(n * d);
    logp = new Float64Array(n);
    g = new Float64Array(n * d);
  };

  const sampleWithLogQ = (theta: Float64Array, eps: Float32Array, n: number): { z: Float64Array; logq: Float64Array } => {
    constrain(theta);
    const zAll = new Float64Array(n * (K + 1) * d);
    const hAll = new Float64Array(n * K);
    forward(theta, eps, n, zAll, hAll);
    const z = new Float64Array(n * d);
    const logq = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) z[i * d + j] = zAll[(i * (K + 1) + K) * d + j];
      logq[i] = logQAt(theta, eps, hAll, i);
    }
    return { z, logq };
  };

  return {
    size,
    logScales: [[d, 2 * d]],
    params: (theta) => ({ mu: vectorAt(theta, 0, d), sigma: vectorAt(theta, d, d, Math.exp), u: planarUHat(theta, U, W, K, d), w: matrixAt(theta, W, K, d), b: vectorAt(theta, B, K) }),
    gradient(theta, eps, n, target, grad) {
      ensure(n);
      constrain(theta);
      forward(theta, eps, n, zs, hs);
      const stride = (K + 1) * d;
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) zK[i * d + j] = zs[i * stride + K * d + j];
      target.logDensityGrad(zK, n, target.params, logp, g);
      grad.fill(0);
      dUHat.fill(0);
      dM.fill(0);
      // the batch buffers as locals: `let`s captured by the closure are reloaded in every loop
      const zAll = zs;
      const hAll = hs;
      const invN = 1 / n;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        loss += logQAt(theta, eps, hAll, i) - logp[i];
        for (let j = 0; j < d; j++) gz[j] = -g[i * d + j] * invN;
        for (let k = K - 1; k >= 0; k--) {
          const h = hAll[i * K + k];
          const hp = 1 - h * h;
          // loss ∋ −log det / n, det = 1 + (1 − h²)m: ∂/∂m = −(1 − h²)/(n det), ∂/∂h = 2hm/(n det)
          const perDet = invN / (1 + hp * m[k] + DET_FLOOR);
          dM[k] -= hp * perDet;
          let dh = 2 * h * m[k] * perDet;
          const at = k * d;
          for (let j = 0; j < d; j++) {
            dUHat[at + j] += gz[j] * h;
            dh += gz[j] * uHat[at + j];
          }
          const da = dh * hp;
          grad[B + k] += da;
          const prev = i * stride + at;
          for (let j = 0; j < d; j++) {
            grad[W + at + j] += da * zAll[prev + j];
            gz[j] += da * theta[W + at + j];
          }
        }
        for (let j = 0; j < d; j++) {
          grad[j] += gz[j];
          grad[d + j] += gz[j] * sigma[j] * eps[i * d + j];
        }
      }
      for (let j = 0; j < d; j++) grad[d + j] -= 1; // log q ∋ −Σ log σ
      // û = u + s·w, s = (m − wᵀu)/‖w‖², m = softplus(wᵀu) − 1: chain rule back to u and w
      for (let k = 0; k < K; k++) {
        let dShift = 0;
        for (let j = 0; j < d; j++) {
          const du = dUHat[k * d + j];
          grad[U + k * d + j] += du;
          grad[W + k * d + j] += shift[k] * du;
          dShift += du * theta[W + k * d + j];
        }
        const dMTotal = dM[k] + dShift / norm2[k];
        const dWu = -dShift / norm2[k] + dMTotal * sigmoid(wu[k]);
        const dNorm2 = (-dShift * shift[k]) / norm2[k];
        for (let j = 0; j < d; j++) {
          const wj = theta[W + k * d + j];
          grad[U + k * d + j] += dWu * wj;
          grad[W + k * d + j] += dWu * theta[U + k * d + j] + 2 * dNorm2 * wj;
        }
      }
      return loss * invN;
    },
    sample(theta, eps, n) {
      return sampleWithLogQ(theta, eps, n).z;
    },
    sampleWithLogQ,
  };
}

export const planarFlowFast: FastFamilyFactory = (dim, options) => buildPlanarFlowFast(dim, options);
