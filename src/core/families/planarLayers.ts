import type { Tensor, Tensor1D, Tensor2D, TF } from '../tfTypes';

/** The floor added to each layer's determinant, so its log stays finite (planarFlow.ts). */
export const PLANAR_DET_FLOOR = 1e-7;

/** x split into K equal parts along `axis` (one part: x itself, see familyMath.splitLayers). */
function parts(tf: TF, x: Tensor, K: number, axis: number): Tensor[] {
  return K === 1 ? [x] : tf.split(x, K, axis);
}

/**
 * The K planar layers of planarFlow.ts as ONE custom-gradient op (issue 9): zₖ = zₖ₋₁ + ûₖ hₖ,
 * hₖ = tanh(wₖᵀzₖ₋₁ + bₖ), and L = Σₖ log(1 + (1 − hₖ²)mₖ + 1e-7), with m = wᵀû. Autodiff
 * recorded ~40 ops a layer with a copy of each op's inputs; here the forward pass runs off the
 * tape and the backward pass is hand-written (docs/math.md#planar-flow-backward), backwards
 * through the layers with gₖ = ∂loss/∂zₖ and aₖ the pre-activation:
 *
 *   ∂/∂hₖ = gₖ·ûₖ − 2hₖmₖ·γₖ,  γₖ = ∂loss/∂L / detₖ,   ∂/∂aₖ = (1 − hₖ²)·∂/∂hₖ,
 *   gₖ₋₁ = gₖ + (∂/∂aₖ) wₖ,  ∂/∂ûₖ = Σᵢ hₖ gₖ,  ∂/∂wₖ = Σᵢ (∂/∂aₖ) zₖ₋₁,  ∂/∂bₖ = Σᵢ ∂/∂aₖ,
 *   ∂/∂mₖ = Σᵢ γₖ (1 − hₖ²),
 *
 * with the per-layer sums over the batch done for all layers at once by batched matMuls.
 * Returns z_K [n, d] and L [n].
 */
export function planarLayers(tf: TF, z0: Tensor2D, uHat: Tensor2D, w: Tensor2D, b: Tensor1D, m: Tensor1D): { z: Tensor2D; logDet: Tensor1D } {
  const K = w.shape[0];
  const [n, d] = z0.shape;
  const op = tf.customGrad((...args) => {
    const [zIn, uIn, wIn, bIn, mIn] = args as Tensor[];
    const save = args[5] as unknown as (tensors: Tensor[]) => void;
    const ws = parts(tf, wIn, K, 0);
    const us = parts(tf, uIn, K, 0);
    const bs = parts(tf, bIn, K, 0);
    let z = zIn;
    const zs: Tensor[] = [];
    const hs: Tensor[] = [];
    for (let k = 0; k < K; k++) {
      zs.push(z);
      const h = tf.tanh(tf.add(tf.matMul(z as Tensor2D, ws[k] as Tensor2D, false, true), bs[k])); // [n, 1]
      z = tf.add(z, tf.mul(h, us[k]));
      hs.push(h);
    }
    const H = K === 1 ? hs[0] : tf.concat(hs, 1); // [n, K]
    const det = tf.add(tf.mul(tf.sub(1, tf.square(H)), mIn), 1 + PLANAR_DET_FLOOR);
    const logDet = tf.sum(tf.log(det), 1, true);
    // inputs that are not variables are gone by the backward pass (autodiff's forward tidy): saved too
    save([tf.stack(zs), H, det, uIn, wIn, mIn]);
    return {
      value: tf.concat([z, logDet], 1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [Z, Hs, dets, uHatS, wS, mS] = saved; // Z: [K, n, d], the inputs of the layers
        const [gOut, gL] = tf.split(dy, [d, 1], 1);
        const gamma = tf.div(gL, dets); // [n, K]
        const hp = tf.sub(1, tf.square(Hs));
        const dm = tf.sum(tf.mul(gamma, hp), 0);
        const ghs = parts(tf, tf.mul(tf.mul(gamma, mS), tf.mul(Hs, -2)), K, 1);
        const hps = parts(tf, hp, K, 1);
        const wk = parts(tf, wS, K, 0) as Tensor2D[];
        const uk = parts(tf, uHatS, K, 0) as Tensor2D[];
        let g = gOut as Tensor2D;
        const gs: Tensor[] = new Array(K);
        const das: Tensor[] = new Array(K);
        for (let k = K - 1; k >= 0; k--) {
          gs[k] = g;
          const da = tf.mul(tf.add(tf.matMul(g, uk[k], false, true), ghs[k]), hps[k]) as Tensor2D; // [n, 1]
          das[k] = da;
          g = tf.add(g, tf.matMul(da, wk[k]));
        }
        // Σᵢ over the batch for every layer: [K, 1, n] × [K, n, d]
        const byLayer = (cols: Tensor, rows: Tensor) => tf.reshape(tf.matMul(tf.reshape(tf.transpose(cols), [K, 1, n]), rows), [K, d]);
        const DA = K === 1 ? das[0] : tf.concat(das, 1); // [n, K]
        const dU = byLayer(Hs, tf.stack(gs));
        const dW = byLayer(DA, Z);
        return [g, dU, dW, tf.sum(DA, 0), dm];
      },
    };
  });
  const out = op(z0, uHat, w, b, m) as Tensor2D;
  const [z, logDet] = tf.split(out, [d, 1], 1);
  return { z: z as Tensor2D, logDet: tf.reshape(logDet, [n]) as Tensor1D };
}

/**
 * û = u + (m − wᵀu)·w/‖w‖² and m = softplus(wᵀu) − 1 for all layers (planarFlow.ts) as one
 * custom-gradient op. With s = (m − wᵀu)/‖w‖², σ the logistic function, ∂/∂s = Σⱼ (∂/∂ûⱼ)wⱼ and
 * q = (∂/∂s)/‖w‖²: ∂/∂(wᵀu) = (∂/∂m + q)·σ(wᵀu) − q, so ∂/∂u = ∂/∂û + ∂/∂(wᵀu)·w and
 * ∂/∂w = s·∂/∂û + ∂/∂(wᵀu)·u − 2qs·w (the last from ‖w‖²).
 */
export function planarConstraint(tf: TF, u: Tensor2D, w: Tensor2D): { uHat: Tensor2D; m: Tensor1D } {
  const [K, d] = u.shape;
  const op = tf.customGrad((...args) => {
    const [uIn, wIn] = args as Tensor[];
    const save = args[2] as unknown as (tensors: Tensor[]) => void;
    const wu = tf.sum(tf.mul(wIn, uIn), 1);
    const m = tf.sub(tf.softplus(wu), 1);
    const norm2 = tf.sum(tf.square(wIn), 1);
    const shift = tf.div(tf.sub(m, wu), norm2);
    save([uIn, wIn, wu, norm2, shift]);
    return {
      value: tf.concat([tf.add(uIn, tf.mul(tf.expandDims(shift, 1), wIn)), tf.expandDims(m, 1)], 1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [uS, wS, wuS, norm2S, shiftS] = saved;
        const [dUHat, dmCol] = tf.split(dy, [d, 1], 1);
        const q = tf.div(tf.sum(tf.mul(dUHat, wS), 1), norm2S);
        const dwu = tf.expandDims(tf.sub(tf.mul(tf.add(tf.reshape(dmCol, [K]), q), tf.sigmoid(wuS)), q), 1);
        const du = tf.add(dUHat, tf.mul(dwu, wS));
        const dw = tf.add(tf.add(tf.mul(dUHat, tf.expandDims(shiftS, 1)), tf.mul(dwu, uS)), tf.mul(tf.expandDims(tf.mul(tf.mul(q, shiftS), -2), 1), wS));
        return [du, dw];
      },
    };
  });
  const [uHat, m] = tf.split(op(u, w) as Tensor2D, [d, 1], 1);
  return { uHat: uHat as Tensor2D, m: tf.reshape(m, [K]) as Tensor1D };
}
