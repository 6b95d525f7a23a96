import type { Tensor, Tensor1D, Tensor2D, TF, Variable } from '../tfTypes';

/** The coupling networks' weights, stacked over couplings (realNvp.ts): [K, d, H], [K, H], [K, H, d], [K, d], [K, H, d], [K, d]. */
export interface CouplingWeights {
  readonly w1: Variable;
  readonly b1: Variable;
  readonly wS: Variable;
  readonly bS: Variable;
  readonly wT: Variable;
  readonly bT: Variable;
}

/**
 * RealNVP's K affine couplings going forward, as ONE custom-gradient op (issue 9). Coupling k, with
 * keep mask mₖ and free mask fₖ = 1 − mₖ: a = (x ⊙ mₖ)W₁ + b₁, h = tanh(a),
 * s = S·tanh((hW_s + b_s)/S) ⊙ fₖ, t = (hW_t + b_t) ⊙ fₖ, y = x ⊙ eˢ + t; and L = Σₖ Σⱼ sₖⱼ.
 * The forward pass runs off autodiff's tape; the backward pass (docs/math.md#realnvp-backward),
 * with g = ∂loss/∂y and γ = ∂loss/∂L, is
 *
 *   ∂/∂s = (g ⊙ x ⊙ eˢ + γ) ⊙ fₖ,  ∂/∂raw = ∂/∂s ⊙ (1 − tanh²(raw/S)),  ∂/∂t = g ⊙ fₖ,
 *   ∂/∂h = (∂/∂raw)W_sᵀ + (∂/∂t)W_tᵀ,  ∂/∂a = ∂/∂h ⊙ (1 − h²),
 *   ∂/∂x = g ⊙ eˢ + ((∂/∂a)W₁ᵀ) ⊙ mₖ,  ∂/∂W₁ = (x ⊙ mₖ)ᵀ∂/∂a,  ∂/∂W_s = hᵀ∂/∂raw,  ∂/∂W_t = hᵀ∂/∂t,
 *
 * and the biases' gradients the batch sums of ∂/∂a, ∂/∂raw, ∂/∂t. The weights are variables, so
 * the backward pass reads them directly rather than keeping copies. Returns z_K [n, d] and L [n].
 */
export function realNvpCouplings(
  tf: TF,
  z0: Tensor2D,
  weights: CouplingWeights,
  keep: readonly Tensor2D[],
  free: readonly Tensor2D[],
  sMax: number,
): { z: Tensor2D; logDet: Tensor1D } {
  const K = keep.length;
  const [n, d] = z0.shape;
  const { w1, b1, wS, bS, wT, bT } = weights;
  const op = tf.customGrad((...args) => {
    const save = args[7] as unknown as (tensors: Tensor[]) => void;
    const [w1k, b1k, wSk, bSk, wTk, bTk] = [w1, b1, wS, bS, wT, bT].map((v) => tf.unstack(v));
    let x = args[0] as Tensor;
    const xs: Tensor[] = [];
    const hs: Tensor[] = [];
    const ths: Tensor[] = [];
    const ess: Tensor[] = [];
    const scales: Tensor[] = [];
    for (let k = 0; k < K; k++) {
      const h = tf.tanh(tf.add(tf.matMul(tf.mul(x, keep[k]) as Tensor2D, w1k[k] as Tensor2D), b1k[k]));
      const th = tf.tanh(tf.div(tf.add(tf.matMul(h as Tensor2D, wSk[k] as Tensor2D), bSk[k]), sMax));
      const s = tf.mul(tf.mul(th, sMax), free[k]);
      const t = tf.mul(tf.add(tf.matMul(h as Tensor2D, wTk[k] as Tensor2D), bTk[k]), free[k]);
      const es = tf.exp(s);
      xs.push(x);
      hs.push(h);
      ths.push(th);
      ess.push(es);
      scales.push(s);
      x = tf.add(tf.mul(x, es), t);
    }
    save([tf.stack(xs), tf.stack(hs), tf.stack(ths), tf.stack(ess)]);
    return {
      value: tf.concat([x, tf.sum(tf.addN(scales), 1, true)], 1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [X, Hid, Th, Es] = saved.map((v) => tf.unstack(v));
        const [w1s, wSs, wTs] = [w1, wS, wT].map((v) => tf.unstack(v)) as Tensor2D[][];
        const [gOut, gL] = tf.split(dy, [d, 1], 1);
        let g = gOut;
        const grads: Tensor[][] = [[], [], [], [], [], []];
        for (let k = K - 1; k >= 0; k--) {
          const gRaw = tf.mul(tf.mul(tf.add(tf.mul(tf.mul(g, X[k]), Es[k]), gL), free[k]), tf.sub(1, tf.square(Th[k]))) as Tensor2D;
          const gT = tf.mul(g, free[k]) as Tensor2D;
          const gHid = tf.add(tf.matMul(gRaw, wSs[k], false, true), tf.matMul(gT, wTs[k], false, true));
          const gA = tf.mul(gHid, tf.sub(1, tf.square(Hid[k]))) as Tensor2D;
          const hk = Hid[k] as Tensor2D;
          grads[0][k] = tf.matMul(tf.mul(X[k], keep[k]) as Tensor2D, gA, true, false);
          grads[1][k] = gA;
          grads[2][k] = tf.matMul(hk, gRaw, true, false);
          grads[3][k] = gRaw;
          grads[4][k] = tf.matMul(hk, gT, true, false);
          grads[5][k] = gT;
          g = tf.add(tf.mul(g, Es[k]), tf.mul(tf.matMul(gA, w1s[k], false, true), keep[k]));
        }
        // the biases' batch sums for all couplings at once: [K, n, ·] summed over n
        return [g, ...grads.map((gs, i) => (i % 2 === 0 ? tf.stack(gs) : tf.sum(tf.stack(gs), 1)))];
      },
    };
  });
  const out = op(z0, w1, b1, wS, bS, wT, bT) as Tensor2D;
  const [z, logDet] = tf.split(out, [d, 1], 1);
  return { z: z as Tensor2D, logDet: tf.reshape(logDet, [n]) as Tensor1D };
}
