import { LOG_2PI } from '../targets/gaussianMath';
import type { Tensor, Tensor1D, Tensor2D, TF } from '../tfTypes';

/**
 * log q(z) of the diagonal Gaussian mixture (mixture.ts) as ONE custom-gradient op (issue 9):
 * log q = logsumexp_k(log πₖ + log qₖ(z)), log qₖ = Σᵢ (−½ pₖᵢ(xᵢ − νₖᵢ)² − log σₖᵢ) − (d/2) log 2π,
 * with pₖ = σₖ⁻², x = z − c, ν = μ − c (c the mean centre, to keep cancellation small), evaluated
 * as one [n, 2d]×[2d, K] matMul. The forward pass runs off autodiff's tape; the backward pass is
 * hand-written with the responsibilities rⱼₖ = πₖqₖ(zⱼ)/q(zⱼ) weighted by the incoming
 * gradient, Rⱼₖ = ∂loss/∂log q(zⱼ)·rⱼₖ, and sₖ = Σⱼ Rⱼₖ (docs/math.md#mixture-backward):
 *
 *   ∂/∂logitsₖ = sₖ − πₖ Σⱼ ∂loss/∂log q(zⱼ),   ∂/∂μₖ = pₖ ⊙ Σⱼ Rⱼₖ(xⱼ − νₖ),
 *   ∂/∂log σₖ = pₖ ⊙ Σⱼ Rⱼₖ(xⱼ − νₖ)² − sₖ,   ∂/∂zⱼ = Σₖ Rⱼₖ pₖ ⊙ (νₖ − xⱼ),
 *
 * the sums over j done by matMuls (Σⱼ Rⱼₖ(xⱼ − νₖ)² = (Rᵀx²)ₖ − νₖ ⊙ ((Rᵀx)ₖ + (Rᵀx)ₖ − sₖνₖ)).
 */
export function mixtureLogQ(tf: TF, z: Tensor2D, logits: Tensor1D, mu: Tensor2D, logSigma: Tensor2D): Tensor1D {
  const d = z.shape[1];
  const op = tf.customGrad((...args) => {
    const [zIn, lg, m, ls] = args as Tensor[];
    const save = args[4] as unknown as (tensors: Tensor[]) => void;
    const c = tf.mean(m, 0);
    const nu = tf.sub(m, c);
    const x = tf.sub(zIn, c);
    const prec = tf.exp(tf.mul(ls, -2));
    const pnu = tf.mul(nu, prec);
    const coef = tf.concat([tf.mul(prec, -0.5), pnu], 1);
    const logPi = tf.logSoftmax(lg);
    const bias = tf.sub(logPi, tf.add(tf.mul(tf.sum(tf.mul(nu, pnu), 1), 0.5), tf.sum(ls, 1)));
    const features = tf.concat([tf.square(x), x], 1);
    const comp = tf.add(tf.matMul(features as Tensor2D, coef as Tensor2D, false, true), bias);
    // log q = logsumexp_k(log πₖ + log qₖ): stable where every component underflows
    const lse = tf.logSumExp(comp, 1, true);
    save([features, tf.exp(tf.sub(comp, lse)), nu, prec, pnu, tf.exp(logPi)]);
    return {
      value: tf.sub(tf.reshape(lse, [-1]), 0.5 * d * LOG_2PI),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [F, r, nuS, precS, pnuS, pi] = saved;
        const R = tf.mul(r, tf.expandDims(dy, 1)) as Tensor2D; // [n, K]
        const s = tf.sum(R, 0);
        const sCol = tf.expandDims(s, 1);
        const [Rx2, Rx] = tf.split(tf.matMul(R, F as Tensor2D, true, false), 2, 1); // [K, d] each
        const D = tf.sub(Rx, tf.mul(nuS, sCol));
        const dMu = tf.mul(precS, D);
        const dLogSigma = tf.sub(tf.mul(precS, tf.sub(Rx2, tf.mul(nuS, tf.add(Rx, D)))), sCol);
        const dLogits = tf.sub(s, tf.mul(pi, tf.sum(dy)));
        const xS = tf.split(F, 2, 1)[1] as Tensor2D;
        const dz = tf.sub(tf.matMul(R, pnuS as Tensor2D), tf.mul(xS, tf.matMul(R, precS as Tensor2D)));
        return [dz, dLogits, dMu, dLogSigma];
      },
    };
  });
  return op(z, logits, mu, logSigma) as Tensor1D;
}

/**
 * All K·n component draws zₖⱼ = μₖ + σₖ ⊙ εⱼ, k-major [K·n, d], as one custom-gradient op: the
 * gradient sums over the draws of each component, ∂/∂μₖ = Σⱼ ∂/∂zₖⱼ and
 * ∂/∂log σₖ = σₖ ⊙ Σⱼ εⱼ ⊙ ∂/∂zₖⱼ.
 */
export function mixtureDraws(tf: TF, eps: Tensor2D, mu: Tensor2D, logSigma: Tensor2D): Tensor2D {
  const [n, d] = eps.shape;
  const K = mu.shape[0];
  const op = tf.customGrad((...args) => {
    // ε is not an input (it needs no gradient) but is saved: the caller's tidy may end first
    const [m, ls] = args as Tensor[];
    const save = args[2] as unknown as (tensors: Tensor[]) => void;
    const sigma = tf.exp(ls);
    save([eps, sigma]);
    const zk = tf.add(tf.mul(tf.expandDims(eps, 0), tf.expandDims(sigma, 1)), tf.expandDims(m, 1));
    return {
      value: tf.reshape(zk, [K * n, d]),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [eS, sigmaS] = saved;
        const g = tf.reshape(dy, [K, n, d]);
        return [tf.sum(g, 1), tf.mul(sigmaS, tf.sum(tf.mul(g, eS), 1))];
      },
    };
  });
  return op(mu, logSigma) as Tensor2D;
}
