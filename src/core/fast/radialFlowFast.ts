import { LOG_2PI, sigmoid, softplus } from './flowMath';
import { matrixAt, vectorAt } from './namedParams';
import type { FastFamily, FastFamilyFactory } from './types';

/** The floors radialFlow.ts adds: to r² (finite ∂r/∂z at a centre) and to each log's argument. */
const R2_FLOOR = 1e-12;
const DET_FLOOR = 1e-12;
/** Layers whose determinants (each at least 1e-12) are multiplied before one log: 1e-12⁸ is far from underflow. */
const LOG_EVERY = 8;

/**
 * The radial flow in plain JS (docs/math.md#fast-paths). θ = [μ (d), log σ (d), centres c (K×d),
 * α̃ (K), β̃ (K)], the tf variables of radialFlow.ts in order. Forward: z₀ = μ + σ ⊙ ε, then
 * z′ = z + βh(z − cₖ), h = 1/(α + r), r = ‖z − cₖ‖, α = softplus(α̃), β = softplus(β̃) − α;
 * log q(z_K) = log N(ε) − Σ log σ − Σₖ [(d − 1) log(1 + βh) + log(1 + αβh²)]. The loss
 * mean(log q − log p̃) is backpropagated by hand through every layer and both softplus maps.
 */
function buildRadialFlowFast(dim: number, options: Readonly<Record<string, number>>): FastFamily {
  const d = dim;
  const K = Math.round(options.layers ?? 8);
  const C = 2 * d;
  const A = C + K * d;
  const Bt = A + K;
  const size = Bt + K;
  const alpha = new Float64Array(K);
  const beta = new Float64Array(K);
  const dAlpha = new Float64Array(K);
  const dBeta = new Float64Array(K);
  const sigma = new Float64Array(d);
  const gz = new Float64Array(d);
  // batch buffers, sized on first use: zs holds z₀..z_K per draw, rs and hs each layer's r and h
  let zs = new Float64Array(0);
  let rs = new Float64Array(0);
  let hs = new Float64Array(0);
  let zK = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  const coefficients = (theta: Float64Array): void => {
    for (let k = 0; k < K; k++) {
      alpha[k] = softplus(theta[A + k]);
      beta[k] = softplus(theta[Bt + k]) - alpha[k];
    }
    for (let j = 0; j < d; j++) sigma[j] = Math.exp(theta[d + j]);
  };

  /** Fills zOut ([n, K + 1, d]), rOut and hOut ([n, K]); coefficients(θ) first. */
  const forward = (theta: Float64Array, eps: Float32Array, n: number, zOut: Float64Array, rOut: Float64Array, hOut: Float64Array): void => {
    const stride = (K + 1) * d;
    for (let i = 0; i < n; i++) {
      const at = i * stride;
      for (let j = 0; j < d; j++) zOut[at + j] = theta[j] + sigma[j] * eps[i * d + j];
      for (let k = 0; k < K; k++) {
        const prev = at + k * d;
        let r2 = R2_FLOOR;
        for (let j = 0; j < d; j++) {
          const diff = zOut[prev + j] - theta[C + k * d + j];
          r2 += diff * diff;
        }
        const r = Math.sqrt(r2);
        const h = 1 / (alpha[k] + r);
        rOut[i * K + k] = r;
        hOut[i * K + k] = h;
        const bh = beta[k] * h;
        for (let j = 0; j < d; j++) zOut[prev + d + j] = zOut[prev + j] + bh * (zOut[prev + j] - theta[C + k * d + j]);
      }
    }
  };

  /** log q at draw i: log N(z₀) − Σₖ [(d − 1) log(1 + βh) + log(1 + αβh²)]. */
  const logQAt = (theta: Float64Array, eps: Float32Array, hOut: Float64Array, i: number): number => {
    let q = -0.5 * d * LOG_2PI;
    for (let j = 0; j < d; j++) q -= 0.5 * eps[i * d + j] * eps[i * d + j] + theta[d + j];
    let det = 1;
    for (let k = 0; k < K; k++) {
      const h = hOut[i * K + k];
      det *= alpha[k] * beta[k] * h * h + 1 + DET_FLOOR;
      if (d > 1) det *= (beta[k] * h + 1 + DET_FLOOR) ** (d - 1);
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
    rs = new Float64Array(n * K);
    hs = new Float64Array(n * K);
    zK = new Float64Array(n * d);
    logp = new Float64Array(n);
    g = new Float64Array(n * d);
  };

  const sampleWithLogQ = (theta: Float64Array, eps: Float32Array, n: number): { z: Float64Array; logq: Float64Array } => {
    coefficients(theta);
    const zAll = new Float64Array(n * (K + 1) * d);
    const rAll = new Float64Array(n * K);
    const hAll = new Float64Array(n * K);
    forward(theta, eps, n, zAll, rAll, hAll);
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
    params: (theta) => {
      const a = vectorAt(theta, A, K, softplus);
      return { mu: vectorAt(theta, 0, d), sigma: vectorAt(theta, d, d, Math.exp), z0: matrixAt(theta, C, K, d), alpha: a, beta: vectorAt(theta, Bt, K, softplus).map((b, k) => b - a[k]) };
    },
    gradient(theta, eps, n, target, grad) {
      ensure(n);
      coefficients(theta);
      forward(theta, eps, n, zs, rs, hs);
      const stride = (K + 1) * d;
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) zK[i * d + j] = zs[i * stride + K * d + j];
      target.logDensityGrad(zK, n, target.params, logp, g);
      grad.fill(0);
      dAlpha.fill(0);
      dBeta.fill(0);
      // the batch buffers as locals: `let`s captured by the closure are reloaded in every loop
      const zAll = zs;
      const rAll = rs;
      const hAll = hs;
      const invN = 1 / n;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        loss += logQAt(theta, eps, hAll, i) - logp[i];
        for (let j = 0; j < d; j++) gz[j] = -g[i * d + j] * invN;
        for (let k = K - 1; k >= 0; k--) {
          const r = rAll[i * K + k];
          const h = hAll[i * K + k];
          const a = alpha[k];
          const b = beta[k];
          const prev = i * stride + k * d;
          const at = C + k * d;
          // loss ∋ −log det / n, log det = log(1 + αβh²) + (d − 1) log(1 + βh)
          const perDetR = invN / (a * b * h * h + 1 + DET_FLOOR);
          let dh = -2 * a * b * h * perDetR;
          dAlpha[k] -= b * h * h * perDetR;
          dBeta[k] -= a * h * h * perDetR;
          if (d > 1) {
            const perDetT = (invN * (d - 1)) / (b * h + 1 + DET_FLOOR);
            dh -= b * perDetT;
            dBeta[k] -= h * perDetT;
          }
          // z′ = z + βh·(z − c)
          let gDiff = 0;
          for (let j = 0; j < d; j++) gDiff += gz[j] * (zAll[prev + j] - theta[at + j]);
          dBeta[k] += h * gDiff;
          dh += b * gDiff;
          // h = 1/(α + r): ∂h/∂α = ∂h/∂r = −h²; ∂r/∂(z − c) = (z − c)/r
          const dr = -h * h * dh;
          dAlpha[k] += dr;
          const bh = b * h;
          const drOverR = dr / r;
          for (let j = 0; j < d; j++) {
            const dDiff = bh * gz[j] + drOverR * (zAll[prev + j] - theta[at + j]);
            gz[j] += dDiff;
            grad[at + j] -= dDiff;
          }
        }
        for (let j = 0; j < d; j++) {
          grad[j] += gz[j];
          grad[d + j] += gz[j] * sigma[j] * eps[i * d + j];
        }
      }
      for (let j = 0; j < d; j++) grad[d + j] -= 1; // log q ∋ −Σ log σ
      // α = softplus(α̃), β = softplus(β̃) − α
      for (let k = 0; k < K; k++) {
        grad[A + k] = (dAlpha[k] - dBeta[k]) * sigmoid(theta[A + k]);
        grad[Bt + k] = dBeta[k] * sigmoid(theta[Bt + k]);
      }
      return loss * invN;
    },
    sample(theta, eps, n) {
      return sampleWithLogQ(theta, eps, n).z;
    },
    sampleWithLogQ,
  };
}

export const radialFlowFast: FastFamilyFactory = (dim, options) => buildRadialFlowFast(dim, options);
