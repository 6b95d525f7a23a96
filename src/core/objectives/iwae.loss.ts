import { iwaeFromLogWeights } from '../exact/bounds';
import { stopGradient } from '../ops';
import type { Scalar, Tensor2D } from '../tfTypes';
import { importanceDraws, optionValue } from './importanceWeights';
import { K_OPTION } from './iwae';
import type { ObjectiveLoss } from './types';

/**
 * IWAE-K (Burda et al. 2016): maximise E[log (1/K) Σₖ wₖ], wₖ = p̃(zₖ)/q(zₖ), zₖ ~ q iid. The
 * step's n rows of ε form m = ⌊n/K⌋ groups of K (the n mod K left over are unused), draw k of
 * group g being row k·m + g; the loss is minus the mean over groups. ELBO = IWAE-1 ≤ IWAE-K ≤ log Z.
 *
 * A mixture's stratified draw gives every row through every component s, weighted πₛ: a group is
 * then K draws per component, and its value log Σₛ πₛ (1/K) Σₖ w(zₛₖ) is the stratified bound
 * SIWAE-K (Morningstar et al. 2021), also ≤ log Z, and above the ELBO already at K = 1.
 *
 * With the stl estimator, the doubly-reparameterised gradient (DReG, Tucker et al. 2019) is used:
 * ∇_φ IWAE-K = E[Σₖ w̃ₖ² ∂log wₖ/∂zₖ · ∂zₖ/∂φ], w̃ₖ = wₖ/Σⱼwⱼ, with log q at stop-gradient φ.
 * Plainly dropping the score term, as STL does for the ELBO, would be biased for K > 1; DReG is
 * unbiased and, like STL, exactly zero per sample when q = p (then log wₖ = log Z for every z).
 */
export const iwaeLoss: ObjectiveLoss = {
  bound: (logw, options) => {
    const K = optionValue({ options }, K_OPTION);
    return iwaeFromLogWeights(interleave(logw, K), K);
  },
  loss(ctx) {
    const { tf, eps } = ctx;
    const K = optionValue(ctx, K_OPTION);
    const [n, dim] = eps.shape;
    const m = Math.floor(n / K);
    if (m < 1) throw new Error(`IWAE-${K} needs at least K = ${K} samples per step, but got ${n}: raise "samples per step" or lower K`);
    const used = m * K === n ? eps : (tf.slice(eps, [0, 0], [m * K, dim]) as Tensor2D);
    const dreg = ctx.estimator === 'stl';
    const { logw, logv } = importanceDraws(ctx, used, dreg);
    if (dreg && logv) throw new Error('the doubly-reparameterised IWAE gradient is not available for a stratified mixture draw: use reparam');
    const strata = logw.shape[0];
    // [strata, K·m] → [m, strata·K]: group g collects draw k = 0..K−1 (row k·m + g) of every stratum
    const grouped = (x: Tensor2D) => tf.reshape(tf.transpose(tf.reshape(x, [strata, K, m]), [2, 0, 1]), [m, strata * K]) as Tensor2D;
    // each term's share of the group's average: 1/K for plain draws; πₛ/K = vᵢ·m for stratified ones (vᵢ = πₛ/(mK))
    const terms = logv ? tf.add(grouped(tf.add(logw, logv)), Math.log(m)) : tf.sub(grouped(logw), Math.log(K));
    const perGroup = tf.logSumExp(terms, -1);
    const value = tf.mean(perGroup) as Scalar;
    if (!dreg) return tf.neg(value) as Scalar;
    const wTilde = stopGradient(tf, tf.softmax(terms, -1));
    const surrogate = tf.mean(tf.sum(tf.mul(tf.square(wTilde), grouped(logw)), -1));
    // Shows the IWAE value while its gradient is DReG's: value + (s − sg(s)).
    const withDregGradient = tf.add(stopGradient(tf, value), tf.sub(surrogate, stopGradient(tf, surrogate)));
    return tf.neg(withDregGradient) as Scalar;
  },
};

/** Reorder so that consecutive blocks of K are the loss's interleaved groups (entry k·m + g → g·K + k). */
function interleave(logw: Float64Array, K: number): Float64Array {
  const m = Math.floor(logw.length / K);
  const out = new Float64Array(m * K);
  for (let g = 0; g < m; g++) for (let k = 0; k < K; k++) out[g * K + k] = logw[k * m + g];
  return out;
}
