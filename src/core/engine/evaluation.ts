import type { Grid } from '../exact/grid';
import type { FastPath } from '../fast/fastPath';
import { MOMENT_SAMPLES, momentNoise, momentsOfRows } from '../families/familyMath';
import type { DensityAccess, Moments, VariationalFamily } from '../families/types';
import type { TargetSpec } from '../targets/types';
import { needTf } from '../tfRuntime';
import type { Tensor2D } from '../tfTypes';

/**
 * The evaluation a snapshot's read-outs come from, on the fast path in plain JS (a frame then
 * costs no tfjs op, and needs no tfjs loaded: docs/architecture.md#lazy-tfjs) or with tfjs:
 * log w = log p̃(z) − log q(z) at fresh draws z ~ q, and log q on the plot grid when q has a
 * density anywhere.
 */
export interface QEvaluation {
  readonly logw: Float64Array | null;
  readonly logq: Float32Array | null;
}

/** q as a run holds it: θ in plain JS (the fast path), else the family's tf variables. */
export interface QHeld {
  readonly fast: FastPath | null;
  /** Null on the fast path: a run there has no tf twin. */
  readonly family: VariationalFamily | null;
}

export interface EvaluationInputs extends QHeld {
  readonly density: DensityAccess;
  readonly target: TargetSpec;
  readonly params: Readonly<Record<string, number>>;
  readonly grid: Grid;
  /** The grid as a tensor, made on first use (the tfjs path only). */
  readonly gridPoints: () => Tensor2D;
}

/** The tf family of a run that has no fast path (it always has one). */
function tensorFamily(q: QHeld): VariationalFamily {
  if (!q.family) throw new Error('a run without a fast path has no tf family');
  return q.family;
}

export function evaluateQ(a: EvaluationInputs, evalEps: Float32Array, n: number): QEvaluation {
  const { fast, target } = a;
  const dim = target.dim;
  const gridCount = a.grid.points.length / dim;
  if (fast) {
    return {
      logw: fast.logWeights(evalEps, n),
      logq: a.density === 'anywhere' ? fast.logQ(a.grid.points, gridCount) : null,
    };
  }
  const tf = needTf();
  const family = tensorFamily(a);
  const logw = logWeightsAt(a, evalEps, n);
  // A copy: the worker transfers it, and on the cpu backend dataSync() hands out the tensor's own storage.
  const logQ = family.logQ;
  const logq = logQ ? tf.tidy(() => (logQ(a.gridPoints()).dataSync() as Float32Array).slice()) : null;
  return { logw, logq };
}

/**
 * log w = log p̃(z) − log q(z) at the draws z ~ q made from the normals `eps` [n, dim]; null where q
 * knows log q nowhere (SVGD's particles, a point mass).
 */
export function logWeightsAt(a: QHeld & Pick<EvaluationInputs, 'target' | 'params'>, eps: Float32Array, n: number): Float64Array | null {
  if (a.fast) return a.fast.logWeights(eps, n);
  const tf = needTf();
  const family = tensorFamily(a);
  const dim = a.target.dim;
  let logw: Float64Array | null = null;
  tf.tidy(() => {
    // sample() gives plain draws from q (a mixture's draw() is stratified and weighted), and
    // the read-outs need plain draws: log w = log p̃(z) − log q(z), z ~ q.
    const z = family.sample(tf.tensor2d(eps, [n, dim]));
    const lq = family.logQ ? family.logQ(z) : family.density === 'samples' ? family.draw(tf.tensor2d(eps, [n, dim])).logQ : null;
    if (lq) logw = Float64Array.from(tf.sub(a.target.logDensity(tf, z, a.params), lq).dataSync());
  });
  return logw;
}

/**
 * Plain draws from q for noise `eps` [n, dim], copied: the worker transfers them, and a particle
 * family's sample() shares its variable's storage on the cpu backend. The display draws use the
 * same ε every frame, so dots move smoothly.
 */
export function drawSamples(q: QHeld, eps: Float32Array, n: number, dim: number): Float32Array {
  if (q.fast) return q.fast.sample(eps, n);
  const tf = needTf();
  const family = tensorFamily(q);
  return tf.tidy(() => (family.sample(tf.tensor2d(eps, [n, dim])).dataSync() as Float32Array).slice());
}

/**
 * q's mean and covariance. On the fast path: in closed form where the fast family has them, else
 * from the same fixed draws the tfjs family uses (familyMath.sampleMoments), in plain JS (a flow's
 * through tfjs cost ~100 ms). Otherwise the tf family's own.
 */
export function qMoments(q: QHeld, dim: number): Moments {
  const { fast } = q;
  if (fast?.family.moments) return fast.family.moments(fast.currentValues[0]);
  if (fast) return momentsOfRows(fast.sample(momentNoise(dim), MOMENT_SAMPLES), dim);
  return tensorFamily(q).moments();
}

/** Whether qMoments is a closed form (cheap, every frame) rather than an estimate from draws (budgeted). */
export function qMomentsExact(q: QHeld): boolean {
  if (q.fast) return q.fast.family.moments !== undefined;
  return tensorFamily(q).momentsSampled !== true;
}

/** q's named parameters: the fast family's on the fast path (namedParams.ts), else the tf family's. */
export function qParams(q: QHeld): Record<string, number[] | number[][]> {
  const { fast } = q;
  return fast ? fast.family.params(fast.currentValues[0]) : tensorFamily(q).params();
}
