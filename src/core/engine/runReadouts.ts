import type { RunConfig } from '../config';
import type { Grid } from '../exact/grid';
import type { DensityAccess, Moments } from '../families/types';
import type { ObjectiveSpec } from '../objectives/types';
import type { NormalStream } from '../random';
import type { TargetSpec } from '../targets/types';
import type { Tensor2D } from '../tfTypes';
import { DivergenceError } from './divergence';
import { DISPLAY_SAMPLES } from './displayNoise';
import { type QHeld, drawSamples, evaluateQ, qMoments, qMomentsExact, qParams } from './evaluation';
import { ReadoutBudget } from './readoutBudget';
import { readingsOf } from './readings';
import type { Readings, Snapshot, TargetField } from './snapshot';

export const EVAL_SAMPLES = 1000;
/** The gradient SNR costs six extra gradients, so it is refreshed every this many read-out refreshes. */
const SNR_EVERY = 30;

/** A run as one snapshot's read-outs see it (q holding the iterate average when averaging is on). */
export interface ReadoutSource {
  readonly q: QHeld;
  readonly density: DensityAccess;
  readonly target: TargetSpec;
  readonly config: RunConfig;
  readonly grid: Grid;
  /** The grid as a tensor, made on first use (the tfjs path only). */
  readonly gridPoints: () => Tensor2D;
  readonly field: TargetField;
  readonly objective: ObjectiveSpec;
  readonly step: number;
  /** How many iterates the read-outs average (0: they show the current iterate). */
  readonly averagedOver: number;
  /** The gradient SNR, measured now (six gradient batches; null where q has no loss to measure). */
  readonly gradientSnr: () => number | null;
}

/**
 * One run's read-outs: each snapshot's cheap ones (moments, display samples, q's parameters) and
 * the expensive ones (the evaluation batch, log q on the grid, the KLs, k̂ and now and then the
 * gradient SNR), which a budgeted snapshot refreshes only when their share of the run's time
 * allows (readoutBudget.ts) and otherwise repeats with the step they describe.
 */
export class RunReadouts {
  private measurements = 0;
  private lastSnr: number | null = null;
  /** −1 until the gradient SNR is first measured. */
  private snrStep = -1;
  /** The last expensive read-outs and when the next are due (null: none yet, or stale after a change). */
  private readings: Readings | null = null;
  private readonly budget = new ReadoutBudget();
  private sampledMoments: Moments | null = null;

  constructor(
    /** The run's evaluation noise (shared with its other reads: the order of draws is the run's). */
    private readonly evalNoise: NormalStream,
    private readonly displayEps: Float32Array,
  ) {}

  /** The expensive read-outs no longer describe q (a change, a restore, a restarted average): the next snapshot measures them afresh. */
  stale(): void {
    this.readings = null;
  }

  /** `runs`: how many runs share the worker's time (readoutBudget.ts). */
  snapshot(s: ReadoutSource, budgeted: boolean, runs = 1): Snapshot {
    // The whole snapshot is timed: the budget covers the cheap read-outs too (readoutBudget.ts).
    const t0 = performance.now();
    const dim = s.target.dim;
    // Moments estimated from draws are an expensive read-out (4,096 draws through q): they refresh with the others.
    const reuse = budgeted && this.readings !== null && this.readings.fieldVersion === s.field.version && !this.budget.due(t0, runs);
    const moments = reuse && this.sampledMoments ? this.sampledMoments : qMoments(s.q, dim);
    if (!qMomentsExact(s.q)) this.sampledMoments = moments;
    // A safety net: run() restores the last good state, so this is not expected to fire.
    if (moments.mean.some((m) => !Number.isFinite(m)) || moments.cov.flat().some((v) => !Number.isFinite(v))) {
      throw new DivergenceError(s.step);
    }
    const samples = drawSamples(s.q, this.displayEps, DISPLAY_SAMPLES, dim);
    let readings = this.readings;
    const refresh = !reuse || !readings;
    if (refresh || !readings) {
      readings = this.measure(s, moments, budgeted);
      this.readings = readings;
    }
    const snapshot: Snapshot = {
      ...readings,
      step: s.step,
      fastPath: s.q.fast !== null,
      density: s.density,
      averagedOver: s.averagedOver,
      mean: moments.mean,
      cov: moments.cov,
      params: qParams(s.q),
      samples,
      // A copy: the worker transfers it, and the cached readings keep theirs.
      logq: readings.logq ? readings.logq.slice() : null,
    };
    const t1 = performance.now();
    if (refresh) this.budget.refreshed(t1 - t0, t1);
    else this.budget.spent(t1 - t0);
    return snapshot;
  }

  /** The expensive read-outs: the evaluation batch, log q on the grid, the KLs, k̂ and (now and then) the gradient SNR. */
  private measure(s: ReadoutSource, moments: Moments, budgeted: boolean): Readings {
    const params = s.config.target.params;
    const evalEps = this.evalNoise.fill(new Float32Array(EVAL_SAMPLES * s.target.dim));
    const { logw, logq } = evaluateQ(
      { ...s.q, density: s.density, target: s.target, params, grid: s.grid, gridPoints: s.gridPoints },
      evalEps,
      EVAL_SAMPLES,
    );
    // The SNR (six gradient batches) is the costliest read-out: a playing run's first refresh leaves
    // it to the next, so its first steps show sooner (a third of realnvp's cold warm-up).
    const snrDue = this.snrStep < 0 ? !(budgeted && this.measurements === 0) : this.measurements % SNR_EVERY === 0;
    this.measurements++;
    if (snrDue) {
      this.lastSnr = s.gradientSnr();
      this.snrStep = s.step;
    }
    return readingsOf({
      logw,
      logq,
      field: s.field,
      grid: s.grid,
      objective: s.objective,
      objectiveOptions: s.config.objective.options,
      hasDensity: s.density !== 'none',
      moments,
      step: s.step,
      gradSnr: this.lastSnr,
      gradSnrStep: this.snrStep,
      evalSamples: EVAL_SAMPLES,
    });
  }
}
