import type { Tensor, Tensor1D, Tensor2D, TF } from '../tfTypes';

/** x split into K equal parts along `axis` (one part: x itself, see familyMath.splitLayers). */
function parts(tf: TF, x: Tensor, K: number, axis: number): Tensor[] {
  return K === 1 ? [x] : tf.split(x, K, axis);
}

/**
 * The K radial layers of radialFlow.ts as ONE custom-gradient op (issue 9):
 * zₖ = zₖ₋₁ + βₖhₖ·δₖ, δₖ = zₖ₋₁ − cₖ, rₖ = √(‖δₖ‖² + 1e-12), hₖ = 1/(αₖ + rₖ), and
 * L = Σₖ [log(1 + αₖβₖhₖ² + 1e-12) + (d − 1) log(1 + βₖhₖ + 1e-12)]. The forward pass runs off
 * autodiff's tape; the backward pass is hand-written, backwards through the layers with
 * gₖ = ∂loss/∂zₖ, tₖ = gₖ·δₖ and A₁, A₂ the two log arguments (docs/math.md#radial-flow-backward):
 *
 *   ∂/∂hₖ = βₖtₖ + ∂loss/∂L·(2αₖβₖhₖ/A₁ + (d − 1)βₖ/A₂),   ∂hₖ/∂δₖ = −hₖ²δₖ/rₖ,
 *   ∂/∂δₖ = βₖhₖ·gₖ − (∂/∂hₖ)(hₖ²/rₖ)·δₖ,   gₖ₋₁ = gₖ + ∂/∂δₖ,   ∂/∂cₖ = −Σᵢ ∂/∂δₖ,
 *   ∂/∂αₖ = Σᵢ [∂loss/∂L·βₖhₖ²/A₁ − (∂/∂hₖ)hₖ²],
 *   ∂/∂βₖ = Σᵢ [hₖtₖ + ∂loss/∂L·(αₖhₖ²/A₁ + (d − 1)hₖ/A₂)].
 *
 * Returns z_K [n, d] and L [n].
 */
export function radialLayers(tf: TF, z0: Tensor2D, centres: Tensor2D, alpha: Tensor1D, beta: Tensor1D): { z: Tensor2D; logDet: Tensor1D } {
  const K = centres.shape[0];
  const [n, d] = z0.shape;
  const op = tf.customGrad((...args) => {
    const [zIn, cIn, aIn, bIn] = args as Tensor[];
    const save = args[4] as unknown as (tensors: Tensor[]) => void;
    const cs = parts(tf, cIn, K, 0);
    const as = parts(tf, aIn, K, 0);
    const bs = parts(tf, bIn, K, 0);
    let z = zIn;
    const deltas: Tensor[] = [];
    const hs: Tensor[] = [];
    const rs: Tensor[] = [];
    for (let k = 0; k < K; k++) {
      const diff = tf.sub(z, cs[k]);
      // r² gets a tiny floor so ∂r/∂z stays finite at the centre itself (a null set)
      const r = tf.sqrt(tf.add(tf.sum(tf.square(diff), 1, true), 1e-12)); // [n, 1]
      const h = tf.div(1, tf.add(r, as[k]));
      z = tf.add(z, tf.mul(tf.mul(bs[k], h), diff));
      deltas.push(diff);
      hs.push(h);
      rs.push(r);
    }
    // all layers at once, [n, K]; both log arguments ≥ 1e-12 since β ≥ −α (radialFlow.ts)
    const H = K === 1 ? hs[0] : tf.concat(hs, 1);
    let logDet: Tensor = tf.log(tf.add(tf.mul(tf.square(H), tf.mul(aIn, bIn)), 1 + 1e-12));
    if (d > 1) logDet = tf.add(logDet, tf.mul(tf.log(tf.add(tf.mul(H, bIn), 1 + 1e-12)), d - 1));
    save([tf.stack(deltas), H, K === 1 ? rs[0] : tf.concat(rs, 1), aIn, bIn]);
    return {
      value: tf.concat([z, tf.sum(logDet, 1, true)], 1),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [D, Hs, R, a, b] = saved;
        const [gOut, gL] = tf.split(dy, [d, 1], 1);
        const H2 = tf.square(Hs);
        const A1 = tf.add(tf.mul(H2, tf.mul(a, b)), 1 + 1e-12);
        let Lh: Tensor = tf.div(tf.mul(Hs, tf.mul(tf.mul(a, b), 2)), A1);
        let Lb: Tensor = tf.div(tf.mul(H2, a), A1);
        if (d > 1) {
          const A2 = tf.add(tf.mul(Hs, b), 1 + 1e-12);
          Lh = tf.add(Lh, tf.div(tf.mul(b, d - 1), A2));
          Lb = tf.add(Lb, tf.div(tf.mul(Hs, d - 1), A2));
        }
        const La = tf.div(tf.mul(H2, b), A1);
        const glh = parts(tf, tf.mul(gL, Lh), K, 1);
        const h2r = parts(tf, tf.div(H2, R), K, 1);
        const bh = parts(tf, tf.mul(Hs, b), K, 1);
        const bk = parts(tf, b, K, 0);
        const delta = K === 1 ? [tf.reshape(D, [n, d])] : tf.unstack(D);
        let g = gOut;
        const ts: Tensor[] = new Array(K);
        const ghs: Tensor[] = new Array(K);
        const gds: Tensor[] = new Array(K);
        for (let k = K - 1; k >= 0; k--) {
          const t = tf.sum(tf.mul(g, delta[k]), 1, true);
          const gh = tf.add(tf.mul(t, bk[k]), glh[k]);
          const gd = tf.sub(tf.mul(g, bh[k]), tf.mul(tf.mul(gh, h2r[k]), delta[k]));
          g = tf.add(g, gd);
          ts[k] = t;
          ghs[k] = gh;
          gds[k] = gd;
        }
        const cols = (xs: Tensor[]) => (K === 1 ? xs[0] : tf.concat(xs, 1));
        const dC = tf.neg(tf.sum(tf.stack(gds), 1));
        const dA = tf.sum(tf.sub(tf.mul(gL, La), tf.mul(cols(ghs), H2)), 0);
        const dB = tf.sum(tf.add(tf.mul(cols(ts), Hs), tf.mul(gL, Lb)), 0);
        return [g, dC, dA, dB];
      },
    };
  });
  const out = op(z0, centres, alpha, beta) as Tensor2D;
  const [z, logDet] = tf.split(out, [d, 1], 1);
  return { z: z as Tensor2D, logDet: tf.reshape(logDet, [n]) as Tensor1D };
}
