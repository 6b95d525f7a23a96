import { vectorAt } from './namedParams';
import type { FastFamily, FastFamilyFactory } from './types';

const LOG_2PI = Math.log(2 * Math.PI);
/** realNvp.ts's hidden width and log-scale bound (s = S·tanh(raw/S)). */
const HIDDEN = 16;
const S_MAX = 2;

/**
 * RealNVP in plain JS (docs/math.md#fast-paths). θ = [μ (d), log σ (d), W₁ (K×d×H), b₁ (K×H),
 * W_s (K×H×d), b_s (K×d), W_t (K×H×d), b_t (K×d)], the tf variables of realNvp.ts in order.
 * Coupling k keeps coordinates j with (j + k) even and maps the rest:
 * a = tanh((x ⊙ mₖ)W₁ + b₁), s = S·tanh((aW_s + b_s)/S), t = aW_t + b_t, y = x ⊙ eˢ + t (free j
 * only), log|det| = Σ s. The loss mean(log q − log p̃) is backpropagated by hand through each
 * coupling's MLP (as tensorflow/playground's nn.ts does, on one draw at a time); log q anywhere
 * comes from the exact inverse x = (y − t) ⊙ e⁻ˢ.
 */
function buildRealNvpFast(dim: number, options: Readonly<Record<string, number>>): FastFamily | null {
  if (dim < 2) return null;
  const d = dim;
  const H = HIDDEN;
  const K = Math.round(options.couplings ?? 4);
  const W1 = 2 * d;
  const B1 = W1 + K * d * H;
  const WS = B1 + K * H;
  const BS = WS + K * H * d;
  const WT = BS + K * d;
  const BT = WT + K * H * d;
  const size = BT + K * d;
  const kept = (k: number, j: number): boolean => (j + k) % 2 === 0;
  const sigma = new Float64Array(d);
  const gz = new Float64Array(d);
  const dHidden = new Float64Array(H);
  const hiddenOne = new Float64Array(H);
  const shiftOne = new Float64Array(d);
  const scaleOne = new Float64Array(d);
  // batch buffers, sized on first use: xs the input of each coupling and z_K ([n, K + 1, d]),
  // hid the hidden units ([n, K, H]), th = tanh(raw/S) and es = eˢ ([n, K, d])
  let xs = new Float64Array(0);
  let hid = new Float64Array(0);
  let th = new Float64Array(0);
  let es = new Float64Array(0);
  let zK = new Float64Array(0);
  let logp = new Float64Array(0);
  let g = new Float64Array(0);

  /** Coupling k's hidden units, s and t from x's kept coordinates (s = t = 0 on kept ones). */
  const net = (theta: Float64Array, k: number, x: Float64Array, xAt: number, hOut: Float64Array, hAt: number, s: Float64Array, sAt: number, t: Float64Array, tAt: number, thOut: Float64Array | null): void => {
    for (let h = 0; h < H; h++) {
      let pre = theta[B1 + k * H + h];
      for (let j = 0; j < d; j++) if (kept(k, j)) pre += x[xAt + j] * theta[W1 + (k * d + j) * H + h];
      hOut[hAt + h] = Math.tanh(pre);
    }
    for (let j = 0; j < d; j++) {
      if (kept(k, j)) {
        s[sAt + j] = 0;
        t[tAt + j] = 0;
        if (thOut) thOut[sAt + j] = 0;
        continue;
      }
      let raw = theta[BS + k * d + j];
      let shift = theta[BT + k * d + j];
      for (let h = 0; h < H; h++) {
        const a = hOut[hAt + h];
        raw += a * theta[WS + (k * H + h) * d + j];
        shift += a * theta[WT + (k * H + h) * d + j];
      }
      const tr = Math.tanh(raw / S_MAX);
      if (thOut) thOut[sAt + j] = tr;
      s[sAt + j] = S_MAX * tr;
      t[tAt + j] = shift;
    }
  };

  /** Fills xs, hid, th and es (eˢ) for n draws; log q reads s back from th. */
  const forward = (theta: Float64Array, eps: Float32Array, n: number): void => {
    for (let j = 0; j < d; j++) sigma[j] = Math.exp(theta[d + j]);
    const stride = (K + 1) * d;
    for (let i = 0; i < n; i++) {
      const at = i * stride;
      for (let j = 0; j < d; j++) xs[at + j] = theta[j] + sigma[j] * eps[i * d + j];
      for (let k = 0; k < K; k++) {
        const x = at + k * d;
        const sk = (i * K + k) * d;
        net(theta, k, xs, x, hid, (i * K + k) * H, es, sk, shiftOne, 0, th);
        for (let j = 0; j < d; j++) {
          const e = Math.exp(es[sk + j]);
          es[sk + j] = e;
          xs[x + d + j] = kept(k, j) ? xs[x + j] : xs[x + j] * e + shiftOne[j];
        }
      }
    }
  };

  /** log N(z₀) − Σₖ Σ sₖ at draw i, after forward. */
  const logQAt = (theta: Float64Array, eps: Float32Array, i: number): number => {
    let q = -0.5 * d * LOG_2PI;
    for (let j = 0; j < d; j++) q -= 0.5 * eps[i * d + j] * eps[i * d + j] + theta[d + j];
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) if (!kept(k, j)) q -= S_MAX * th[(i * K + k) * d + j];
    return q;
  };

  /** The forward pass's buffers only grow (read-outs draw more than a step), the step's fit its n. */
  const ensure = (n: number): void => {
    if (hid.length < n * K * H) {
      xs = new Float64Array(n * (K + 1) * d);
      hid = new Float64Array(n * K * H);
      th = new Float64Array(n * K * d);
      es = new Float64Array(n * K * d);
    }
  };
  const ensureStep = (n: number): void => {
    ensure(n);
    if (zK.length === n * d) return;
    zK = new Float64Array(n * d);
    logp = new Float64Array(n);
    g = new Float64Array(n * d);
  };

  const collect = (n: number, out: Float64Array): Float64Array => {
    const stride = (K + 1) * d;
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = xs[i * stride + K * d + j];
    return out;
  };

  const logQ = (theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array => {
    const out = new Float64Array(n);
    const x = new Float64Array(d);
    let c = 0.5 * d * LOG_2PI;
    for (let j = 0; j < d; j++) c += theta[d + j];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[j] = points[i * d + j];
      let logDet = 0;
      for (let k = K - 1; k >= 0; k--) {
        // the kept coordinates pass through, so the net sees the same input as on the way in
        net(theta, k, x, 0, hiddenOne, 0, scaleOne, 0, shiftOne, 0, null);
        for (let j = 0; j < d; j++) {
          x[j] = (x[j] - shiftOne[j]) * Math.exp(-scaleOne[j]);
          logDet += scaleOne[j];
        }
      }
      let quad = 0;
      for (let j = 0; j < d; j++) {
        const e = (x[j] - theta[j]) / Math.exp(theta[d + j]);
        quad += e * e;
      }
      out[i] = -0.5 * quad - c - logDet;
    }
    return out;
  };

  return {
    size,
    logScales: [[d, 2 * d]],
    params: (theta) => ({ mu: vectorAt(theta, 0, d), sigma: vectorAt(theta, d, d, Math.exp), couplings: [K], hidden: [H] }),
    gradient(theta, eps, n, target, grad) {
      ensureStep(n);
      forward(theta, eps, n);
      target.logDensityGrad(collect(n, zK), n, target.params, logp, g);
      grad.fill(0);
      // the batch buffers as locals: `let`s captured by the closure are reloaded in every loop
      const xAll = xs;
      const hAll = hid;
      const thAll = th;
      const esAll = es;
      const invN = 1 / n;
      const stride = (K + 1) * d;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        loss += logQAt(theta, eps, i) - logp[i];
        for (let j = 0; j < d; j++) gz[j] = -g[i * d + j] * invN;
        for (let k = K - 1; k >= 0; k--) {
          const x = i * stride + k * d;
          const sk = (i * K + k) * d;
          const hk = (i * K + k) * H;
          dHidden.fill(0);
          for (let j = 0; j < d; j++) {
            if (kept(k, j)) continue;
            // y = x eˢ + t; loss ∋ −s/n (log det); s = S tanh(raw/S) → ∂s/∂raw = 1 − tanh²
            const e = esAll[sk + j];
            const dRaw = (gz[j] * xAll[x + j] * e - invN) * (1 - thAll[sk + j] * thAll[sk + j]);
            const dShift = gz[j];
            gz[j] *= e;
            grad[BS + k * d + j] += dRaw;
            grad[BT + k * d + j] += dShift;
            for (let h = 0; h < H; h++) {
              const a = hAll[hk + h];
              const ws = WS + (k * H + h) * d + j;
              const wt = WT + (k * H + h) * d + j;
              grad[ws] += a * dRaw;
              grad[wt] += a * dShift;
              dHidden[h] += theta[ws] * dRaw + theta[wt] * dShift;
            }
          }
          for (let h = 0; h < H; h++) {
            const a = hAll[hk + h];
            const dPre = dHidden[h] * (1 - a * a);
            grad[B1 + k * H + h] += dPre;
            for (let j = 0; j < d; j++) {
              if (!kept(k, j)) continue;
              const w = W1 + (k * d + j) * H + h;
              grad[w] += xAll[x + j] * dPre;
              gz[j] += theta[w] * dPre;
            }
          }
        }
        for (let j = 0; j < d; j++) {
          grad[j] += gz[j];
          grad[d + j] += gz[j] * sigma[j] * eps[i * d + j];
        }
      }
      for (let j = 0; j < d; j++) grad[d + j] -= 1; // log q ∋ −Σ log σ
      return loss * invN;
    },
    sample(theta, eps, n) {
      ensure(n);
      forward(theta, eps, n);
      return collect(n, new Float64Array(n * d));
    },
    sampleWithLogQ(theta, eps, n) {
      ensure(n);
      forward(theta, eps, n);
      const logq = new Float64Array(n);
      for (let i = 0; i < n; i++) logq[i] = logQAt(theta, eps, i);
      return { z: collect(n, new Float64Array(n * d)), logq };
    },
    logQ,
  };
}

export const realNvpFast: FastFamilyFactory = (dim, options) => buildRealNvpFast(dim, options);
