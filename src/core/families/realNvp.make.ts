import { stopGradient } from '../ops';
import { LOG_2PI } from '../targets/gaussianMath';
import type { Tensor, Tensor1D, Tensor2D, Variable } from '../tfTypes';
import { sampleMoments, seededNormals, filledValue, initialValue } from './familyMath';
import { realNvpCouplings } from './realNvpCouplings';
import type { FamilyMaker, VariationalFamily, FamilyInit, InitialValue } from './types';

/** Hidden units of each coupling's MLP: small, since tfjs costs per op and q is 1D/2D here. */
const HIDDEN = 16;
/** Bound on each coupling's log-scale s = S·tanh(raw/S), so one layer scales by at most e^{±S}. */
const S_MAX = 2;

/**
 * [μ, log σ, W₁ (K×d×H), b₁ (K×H), W_s (K×H×d), b_s (K×d), W_t (K×H×d), b_t (K×d)]. Seeded: a
 * random first layer, tiny output layers, so each coupling starts ≈ identity. The output layer is
 * two variables (scale and shift) rather than one split afterwards: SplitV on a batch-sized tensor
 * is slow in tfjs's cpu backend (the plot grid has 14 641 rows).
 */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const K = Math.round(options.couplings ?? 4);
  const H = HIDDEN;
  return [
    initialValue([dim], init.mean.slice(0, dim)),
    filledValue([dim], Math.log(init.scale)),
    initialValue([K, dim, H], seededNormals(0x4e51, K * dim * H, 1 / Math.sqrt(dim))),
    filledValue([K, H], 0),
    initialValue([K, H, dim], seededNormals(0x4e52, K * H * dim, 0.01)),
    filledValue([K, dim], 0),
    initialValue([K, H, dim], seededNormals(0x4e53, K * H * dim, 0.01)),
    filledValue([K, dim], 0),
  ];
}

/** How realNvp.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const realNvpMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const K = Math.round(options.couplings ?? 4);
    const H = HIDDEN;
    const [mu0, logSigma0, w10, b10, wS0, bS0, wT0, bT0] = initialValues(dim, init, options);
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const logSigma = tf.tidy(() => tf.variable(tf.tensor1d(logSigma0.values)));
    const w1 = tf.tidy(() => tf.variable(tf.tensor3d(w10.values, [K, dim, H])));
    const b1 = tf.tidy(() => tf.variable(tf.tensor2d(b10.values, [K, H])));
    const wS = tf.tidy(() => tf.variable(tf.tensor3d(wS0.values, [K, H, dim])));
    const bS = tf.tidy(() => tf.variable(tf.tensor2d(bS0.values, [K, dim])));
    const wT = tf.tidy(() => tf.variable(tf.tensor3d(wT0.values, [K, H, dim])));
    const bT = tf.tidy(() => tf.variable(tf.tensor2d(bT0.values, [K, dim])));
    const variables: Variable[] = [mu, logSigma, w1, b1, wS, bS, wT, bT];
    // mₖ[j] = 1 where coupling k conditions on coordinate j: (j + k) even, alternating
    const keep = Array.from({ length: K }, (_, k) => tf.tensor2d([Array.from({ length: dim }, (_, j) => ((j + k) % 2 === 0 ? 1 : 0))]));
    const free = keep.map((m) => tf.sub(1, m) as Tensor2D);

    /** Per-coupling weights (unstacked once per pass), optionally cut off from the gradient. */
    const nets = (detach: boolean): Tensor[][] =>
      (detach ? variables.map((v) => stopGradient(tf, v)) : variables).slice(2).map((v) => tf.unstack(v));
    /** s and t of coupling k from the kept coordinates, both zero on the kept coordinates. */
    const shiftScale = (net: Tensor[][], k: number, x: Tensor2D): { s: Tensor2D; t: Tensor2D } => {
      const [w1k, b1k, wSk, bSk, wTk, bTk] = net.map((layer) => layer[k]);
      const hidden = tf.tanh(tf.add(tf.matMul(tf.mul(x, keep[k]), w1k as Tensor2D), b1k));
      const raw = tf.add(tf.matMul(hidden, wSk as Tensor2D), bSk);
      const s = tf.mul(tf.mul(tf.tanh(tf.div(raw, S_MAX)), S_MAX), free[k]) as Tensor2D;
      return { s, t: tf.mul(tf.add(tf.matMul(hidden, wTk as Tensor2D), bTk), free[k]) as Tensor2D };
    };
    // log N(z₀; μ, σ) from the standardised base point: Σ(−½εᵢ² − log σᵢ) − (d/2) log 2π
    const baseLogDensity = (eps: Tensor2D, ls: Tensor1D): Tensor1D =>
      tf.sub(tf.mul(tf.sum(tf.square(eps), 1), -0.5), tf.add(tf.sum(ls), 0.5 * dim * LOG_2PI)) as Tensor1D;

    /** z_K for the base draw z₀ = μ + σ ⊙ ε, and (withDensity) log q(z_K). */
    const forward = (eps: Tensor2D, withDensity: boolean): { z: Tensor2D; logQ: Tensor1D | null } => {
      const z0 = tf.add(tf.mul(eps, tf.exp(logSigma)), mu) as Tensor2D;
      // the couplings and Σₖ Σ sₖ as one op with a hand-written gradient (realNvpCouplings.ts)
      const { z, logDet } = realNvpCouplings(tf, z0, { w1, b1, wS, bS, wT, bT }, keep, free, S_MAX);
      if (!withDensity) return { z, logQ: null };
      // change of variables: log q(z_K) = log N(z₀) − Σₖ log|det ∂zₖ/∂zₖ₋₁| = log N(z₀) − Σₖ Σ sₖ
      return { z, logQ: tf.sub(baseLogDensity(eps, logSigma), logDet) as Tensor1D };
    };
    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const net = nets(detachParams);
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const ls = detachParams ? stopGradient(tf, logSigma) : logSigma;
      let x = z;
      let logDet: Tensor = tf.zeros([z.shape[0]]);
      for (let k = K - 1; k >= 0; k--) {
        const { s, t } = shiftScale(net, k, x);
        x = tf.mul(tf.sub(x, t), tf.exp(tf.neg(s))) as Tensor2D;
        logDet = tf.add(logDet, tf.sum(s, 1));
      }
      const eps = tf.div(tf.sub(x, m), tf.exp(ls)) as Tensor2D;
      return tf.sub(baseLogDensity(eps, ls), logDet) as Tensor1D;
    };
    const sample = (eps: Tensor2D) => forward(eps, false).z;

    return {
      dim,
      variables,
      density: 'anywhere',
      sample,
      draw: (eps) => ({ ...forward(eps, true), weights: null }),
      logQ,
      entropy: () => null,
      momentsSampled: true,
      moments: () => sampleMoments(tf, dim, sample),
      params: () => ({
        mu: Array.from(mu.dataSync()),
        sigma: Array.from(logSigma.dataSync(), Math.exp),
        couplings: [K],
        hidden: [H],
      }),
      dispose() {
        for (const t of [...variables, ...keep, ...free]) t.dispose();
      },
    };
  },
};
