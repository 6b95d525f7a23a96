import { stopGradient } from '../ops';
import type { Scalar, Tensor1D } from '../tfTypes';
import type { ObjectiveContext } from './types';

/** Σᵢ wᵢ xᵢ with the batch's weights, or the plain mean when they are uniform. */
export function weightedMean(ctx: ObjectiveContext, x: Tensor1D, weights: Tensor1D | null): Scalar {
  const { tf } = ctx;
  return (weights ? tf.sum(tf.mul(weights, x)) : tf.mean(x)) as Scalar;
}

/**
 * The ELBO surrogate for the chosen estimator, whose gradient is that estimator's gradient of
 * ELBO = E_q[log p̃ − log q]:
 * - reparam: the pathwise estimate (analytic entropy where the family has one);
 * - stl: pathwise, but log q at stop-gradient φ, so the score term E[∇_φ log q] is dropped;
 * - score: E[(f − b) log q] with f = log p̃ − log q held constant and b a running mean;
 * - score-plain: the same with b = 0 (plain REINFORCE, for comparison: its noise stays at q = p).
 * The returned `value` is the ELBO estimate itself (not the surrogate) for display.
 */
export function elboSurrogate(ctx: ObjectiveContext): { surrogate: Scalar; value: Scalar } {
  const { tf, target, params, family, eps, estimator, state } = ctx;
  if (estimator === 'score' || estimator === 'score-plain') {
    if (!family.logQ) throw new Error('the score-function estimator needs a family with a density');
    const z = stopGradient(tf, family.sample(eps));
    const logq = family.logQ(z);
    const f = stopGradient(tf, tf.sub(target.logDensity(tf, z, params), logq) as Tensor1D);
    let b = 0;
    if (estimator === 'score') {
      const fMean = tf.mean(f).dataSync()[0];
      b = state.baseline ?? fMean;
      state.baseline = 0.9 * b + 0.1 * fMean;
    }
    // ∇ E[f] = E[(f − b)∇log q] (+ E[∇f] = −E[∇log q] = 0 in expectation).
    const surrogate = tf.mean(tf.mul(tf.sub(f, b), logq)) as Scalar;
    return { surrogate, value: tf.mean(f) as Scalar };
  }
  // An analytic entropy replaces −E[log q]: then E_q[log p̃] needs only plain draws, not log q at
  // them (which the tfjs path would compute for nothing, issue 9).
  const entropy = estimator === 'reparam' ? family.entropy() : null;
  if (entropy) {
    const value = tf.add(tf.mean(target.logDensity(tf, family.sample(eps), params)), entropy) as Scalar;
    return { surrogate: value, value };
  }
  const batch = family.draw(eps);
  const logp = target.logDensity(tf, batch.z, params);
  if (estimator === 'stl') {
    if (!family.logQ) throw new Error('sticking the landing needs a family with a density');
    const logqDetached = family.logQ(batch.z, true);
    const value = weightedMean(ctx, tf.sub(logp, logqDetached) as Tensor1D, batch.weights);
    return { surrogate: value, value };
  }
  if (!batch.logQ) throw new Error('this family has no density, so it has no ELBO');
  const value = weightedMean(ctx, tf.sub(logp, batch.logQ) as Tensor1D, batch.weights);
  return { surrogate: value, value };
}
