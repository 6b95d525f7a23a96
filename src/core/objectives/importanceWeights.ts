import type { ParamSpec } from '../params';
import type { Scalar, Tensor2D } from '../tfTypes';
import type { ObjectiveContext } from './types';

/** An objective option from the context, or its spec default (Run passes options unvalidated). */
export function optionValue(ctx: Pick<ObjectiveContext, 'options'>, spec: ParamSpec): number {
  const v = ctx.options[spec.name];
  return typeof v === 'number' && Number.isFinite(v) ? v : spec.default;
}

/**
 * Reparameterised draws for the importance-weighted bounds (IWAE, Rényi, CUBO), laid out
 * [strata, n]: entry [s, j] is row j of ε pushed through stratum s. Plain draws are one stratum.
 * A mixture's draw() is stratified, each ε row through every component s with weight πₛ/n
 * (docs/families.md#mixture; assumed component-major, as mixture.ts lays it out); its plain
 * sample() picks components by a non-differentiable assignment, so it is not used.
 */
export interface ImportanceDraws {
  /** log wᵢ = log p̃(zᵢ) − log q_φ(zᵢ). */
  readonly logw: Tensor2D;
  /** log vᵢ, the weights of E_q[f] ≈ Σᵢ vᵢ f(zᵢ), differentiable in φ; null when uniform (1/n). */
  readonly logv: Tensor2D | null;
}

/**
 * With detachParams, log q is evaluated at stop-gradient φ (gradients still flow through z): the
 * doubly-reparameterised estimator needs exactly that.
 */
export function importanceDraws(ctx: ObjectiveContext, eps: Tensor2D, detachParams = false): ImportanceDraws {
  const { tf, target, params, family } = ctx;
  const n = eps.shape[0];
  const batch = family.draw(eps);
  let logq = batch.logQ;
  if (detachParams) {
    if (!family.logQ) throw new Error(`the ${ctx.estimator} estimator needs log q at any point`);
    logq = family.logQ(batch.z, true);
  }
  if (!logq) throw new Error('this family has no density at its draws, so it has no importance weights p̃/q');
  const logw = tf.sub(target.logDensity(tf, batch.z, params), logq);
  const strata = batch.z.shape[0] / n;
  if (!Number.isInteger(strata)) throw new Error(`a draw of ${batch.z.shape[0]} points from ${n} rows of ε is not stratified`);
  return {
    logw: tf.reshape(logw, [strata, n]) as Tensor2D,
    logv: batch.weights ? (tf.reshape(tf.log(batch.weights), [strata, n]) as Tensor2D) : null,
  };
}

/** log E_q[w^power] ≈ log Σᵢ vᵢ wᵢ^power (log-mean-exp for plain draws), stable by logsumexp. */
export function logExpectedPower(ctx: Pick<ObjectiveContext, 'tf'>, d: ImportanceDraws, power: number): Scalar {
  const { tf } = ctx;
  const scaled = tf.mul(d.logw, power);
  if (d.logv) return tf.logSumExp(tf.add(scaled, d.logv)) as Scalar;
  return tf.sub(tf.logSumExp(scaled), Math.log(d.logw.shape[1])) as Scalar;
}
