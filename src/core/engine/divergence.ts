import { needTf } from '../tfRuntime';
import type { Rank } from '@tensorflow/tfjs-core';
import type { Scalar, Tensor1D, Variable } from '../tf';
import { assignFlat, flatten } from './flatParams';

/**
 * The optimisation left the finite numbers at `step` (the update that produced the first bad
 * state). Thrown by `Run.run` after the run has been put back on its last good parameters, with
 * `run.step === step − 1` and a fresh optimiser, so `snapshot()` and further `run()` calls work.
 * The message is a code, not a sentence: the worker, the page and the CLI word it themselves.
 */
export class DivergenceError extends Error {
  readonly code = 'diverged' as const;
  constructor(readonly step: number) {
    super(`diverged at step ${step}`);
    this.name = 'DivergenceError';
  }
}

/**
 * A state θ is good when every parameter is finite and the step's loss at θ (when the step has
 * one) is finite too: a finite θ whose loss is NaN (a scale e^s beyond float32) cannot be
 * evaluated, so the checkpoint is the last θ that passed both tests.
 *
 * The tfjs path keeps everything on the device, so a step never waits for a read-back (on WebGL a
 * read per step would stall the pipeline): per step it concatenates q's variables into one flat
 * vector, tests isFinite(Σθ) (NaN and ±∞ propagate through a sum; a finite sum can overflow only
 * for |θ| ~ 1e38, itself a divergence) and the loss, folds the result into a running flag, and
 * copies θ into the checkpoint with `where(flag, θ, checkpoint)`. One scalar read at the end of
 * `run(n)` says whether anything went wrong; a counter of good states names the exact step.
 */
export class TensorGuard {
  private readonly checkpoint: Variable<Rank.R1>;
  /** True while every state checked in this call of run(n) was good. */
  private readonly ok: Variable;
  /** How many states this call of run(n) has checked and found good. */
  private readonly good: Variable;
  /** θ after the latest update of this call of run(n) (assigning it costs no kernel). */
  private readonly latest: Variable<Rank.R1>;
  /** The step whose state the checkpoint holds (known in JS: the flag is monotone). */
  private checkpointStep: number;
  private startStep = 0;

  constructor(
    private readonly variables: readonly Variable[],
    step: number,
  ) {
    const tf = needTf();
    this.checkpoint = tf.tidy(() => tf.variable(this.flat(), false));
    this.ok = tf.tidy(() => tf.variable(tf.scalar(true, 'bool'), false));
    this.good = tf.tidy(() => tf.variable(tf.scalar(0), false));
    this.latest = tf.tidy(() => tf.variable(this.checkpoint, false));
    this.checkpointStep = step;
  }

  /** θ as one flat vector (shared with the iterate average, so a step flattens once). */
  flat(): Tensor1D {
    return flatten(this.variables);
  }

  /** Start of run(n) at step `step`. */
  begin(step: number): void {
    this.startStep = step;
    const tf = needTf();
    tf.tidy(() => {
      this.ok.assign(tf.scalar(true, 'bool'));
      this.good.assign(tf.scalar(0));
    });
  }

  /**
   * Check the state before an update: `flat` is θ (from `flat()`), `loss` the step's loss at θ
   * (null for families with their own update). Call inside the step's tidy.
   */
  check(flat: Tensor1D, loss: Scalar | null): void {
    const tf = needTf();
    // NaN and ±∞ propagate through the sum, so one test covers θ and the loss
    const fine = tf.isFinite(loss ? tf.add(tf.sum(flat), loss) : tf.sum(flat));
    const now = tf.logicalAnd(this.ok, fine);
    this.checkpoint.assign(tf.where(now, flat, this.checkpoint));
    this.ok.assign(now);
    this.good.assign(tf.add(this.good, tf.cast(now, 'float32')));
  }

  /** θ after an update (flat, as the optimiser returned it): end() tests it without flattening again. */
  updated(flat: Tensor1D): void {
    this.latest.assign(flat);
  }

  /**
   * End of run(n) after `steps` updates: null when every state was good and the final θ is
   * finite; otherwise the last good step (q is then put back on it).
   */
  end(steps: number): number | null {
    const tf = needTf();
    const finalFine = tf.tidy(() => tf.logicalAnd(this.ok, tf.isFinite(tf.sum(steps > 0 ? this.latest : this.flat()))).dataSync()[0] === 1);
    if (finalFine) {
      // The checkpoint now holds the state before the last update (or is unchanged for n = 0).
      if (steps > 0) this.checkpointStep = this.startStep + steps - 1;
      return null;
    }
    // States startStep … startStep + good − 1 passed; with none, the checkpoint is older.
    const good = this.good.dataSync()[0];
    const lastGood = good > 0 ? this.startStep + good - 1 : this.checkpointStep;
    assignFlat(this.variables, this.checkpoint);
    this.reset(lastGood);
    return lastGood;
  }

  /** The current θ becomes the checkpoint (after a restore, an import or a structural change). */
  reset(step: number): void {
    needTf().tidy(() => this.checkpoint.assign(this.flat()));
    this.checkpointStep = step;
  }

  dispose(): void {
    this.checkpoint.dispose();
    this.ok.dispose();
    this.good.dispose();
    this.latest.dispose();
  }
}

/** exp(s) stays a positive, finite float32 for log-scales in this range (e^±88 ≈ 1.7e38^±1). */
export const LOG_SCALE_LIMIT = 87;

/**
 * The fast path's test of a state, in plain JS (free: a handful of numbers). Values must survive
 * the write-back to float32 variables, and log-scales must give a float32 scale e^s in (0, ∞).
 */
export function representable(values: readonly Float64Array[], logScale: Float64Array): boolean {
  for (const a of values) for (let i = 0; i < a.length; i++) if (!Number.isFinite(Math.fround(a[i]))) return false;
  for (let i = 0; i < logScale.length; i++) if (Math.abs(logScale[i]) > LOG_SCALE_LIMIT) return false;
  return true;
}

export function allFinite(values: readonly Float64Array[]): boolean {
  for (const a of values) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
