import type { Grid } from '../exact/grid';
import type { FastPath } from '../fast/fastPath';
import { MOMENT_SAMPLES, momentNoise, momentsOfRows } from '../families/familyMath';
import type { Moments, VariationalFamily } from '../families/types';
import type { TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';

/**
 * The evaluation a snapshot's read-outs come from, on the fast path in plain JS (a frame then
 * costs no tfjs op) or with tfjs: log w = log p̃(z) − log q(z) at fresh draws z ~ q, and log q on
 * the plot grid when q has a density anywhere.
 */
export interface QEvaluation {
  readonly logw: Float64Array | null;
  readonly logq: Float32Array | null;
}

export interface EvaluationInputs {
  readonly fast: FastPath | null;
  readonly family: VariationalFamily;
  readonly target: TargetSpec;
  readonly params: Readonly<Record<string, number>>;
  readonly grid: Grid;
  readonly gridPoints: Tensor2D;
}

export function evaluateQ(a: EvaluationInputs, evalEps: Float32Array, n: number): QEvaluation {
  const { fast, family, target, params } = a;
  const dim = target.dim;
  const gridCount = a.grid.points.length / dim;
  if (fast) {
    return {
      logw: fast.logWeights(evalEps, n),
      logq: family.density === 'anywhere' ? fast.logQ(a.grid.points, gridCount) : null,
    };
  }
  let result: QEvaluation = { logw: null, logq: null };
  tf.tidy(() => {
    // sample() gives plain draws from q (a mixture's draw() is stratified and weighted), and
    // the read-outs need plain draws: log w = log p̃(z) − log q(z), z ~ q.
    const z = family.sample(tf.tensor2d(evalEps, [n, dim]));
    const lq = family.logQ ? family.logQ(z) : family.density === 'samples' ? family.draw(tf.tensor2d(evalEps, [n, dim])).logQ : null;
    const logw = lq ? Float64Array.from(tf.sub(target.logDensity(tf, z, params), lq).dataSync()) : null;
    // A copy: the worker transfers it, and on the cpu backend dataSync() hands out the tensor's own storage.
    const logq = family.logQ ? (family.logQ(a.gridPoints).dataSync() as Float32Array).slice() : null;
    result = { logw, logq };
  });
  return result;
}

/**
 * The display draws (the same ε every frame, so dots move smoothly), copied: the worker transfers
 * them, and a particle family's sample() shares its variable's storage on the cpu backend.
 */
export function displaySamples(fast: FastPath | null, family: VariationalFamily, eps: Float32Array, n: number, dim: number): Float32Array {
  if (fast) return fast.sample(eps, n);
  return tf.tidy(() => (family.sample(tf.tensor2d(eps, [n, dim])).dataSync() as Float32Array).slice());
}

/**
 * q's mean and covariance. On the fast path: in closed form where the fast family has them, else
 * from the same fixed draws the tfjs family uses (familyMath.sampleMoments), in plain JS (a flow's
 * through tfjs cost ~100 ms). Otherwise the tf family's own.
 */
export function qMoments(fast: FastPath | null, family: VariationalFamily, dim: number): Moments {
  if (fast?.family.moments) return fast.family.moments(fast.currentValues[0]);
  if (fast) return momentsOfRows(fast.sample(momentNoise(dim), MOMENT_SAMPLES), dim);
  return family.moments();
}

/** Whether qMoments is a closed form (cheap, every frame) rather than an estimate from draws (budgeted). */
export function qMomentsExact(fast: FastPath | null, family: VariationalFamily): boolean {
  if (fast) return fast.family.moments !== undefined;
  return family.momentsSampled !== true;
}

/** q's named parameters: the fast family's where it has them (its tf twin may not know the target yet). */
export function qParams(fast: FastPath | null, family: VariationalFamily): Record<string, number[] | number[][]> {
  return fast?.family.params ? fast.family.params(fast.currentValues[0]) : family.params();
}
