import type { RunConfig } from '../config';
import { changeKind } from '../rules';
import { makeGrid } from '../exact/grid';
import type { Grid } from '../exact/grid';
import { FastPath, concatTheta, splitTheta } from '../fast/fastPath';
import { findFamily } from '../families/makers';
import type { DensityAccess, FamilySpec, Moments, VariationalFamily } from '../families/types';
import { findObjective } from '../objectives/losses';
import type { EstimatorState, ObjectiveContext, ObjectiveSpec } from '../objectives/types';
import { NormalStream } from '../random';
import { resolveTarget } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import { needTf } from '../tfRuntime';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '../tfTypes';
import { IterateAverage } from './iterateAverage';
import { assignFlat, flatten } from './flatParams';
import { DivergenceError, TensorGuard } from './divergence';
import { type QHeld, drawSamples, evaluateQ, logWeightsAt, qMoments, qMomentsExact, qParams } from './evaluation';
import { type PWeights, evaluateField } from './field';
import { GridTensors } from './gridTensors';
import { gradientSnr, snrOfRows } from './gradientSnr';
import { FlatOptimizer } from './flatOptimizer';
import { withFusedGradient } from './fusedTarget';
import { ReadoutBudget } from './readoutBudget';
import { readingsOf } from './readings';
import { type RunState, initialQ } from './runState';
import type { Readings, Snapshot, TargetField } from './snapshot';
import { DISPLAY_SAMPLES, displayNoise } from './displayNoise';

export { DivergenceError };
export { type RunState, initialQ } from './runState';

export { DISPLAY_SAMPLES } from './displayNoise';
export const EVAL_SAMPLES = 1000;
/** The gradient SNR costs six extra gradients, so it is refreshed every this many read-out refreshes. */
const SNR_EVERY = 30;

/**
 * One run: a target, a family, an objective, an optimiser and seeded noise streams. The training
 * noise depends only on (seed, step), never on how often the UI asks for frames, so the same
 * config always reproduces the same trajectory. On the plain-JS fast path q is θ in JS and the run
 * touches no tfjs at all (so it can step before tfjs is loaded); otherwise q is the family's tf
 * variables, and tfjs must be loaded before the run is made (docs/architecture.md#lazy-tfjs).
 */
export class Run {
  private config: RunConfig;
  private readonly target: TargetSpec;
  /** The target the tfjs path's steps differentiate: log p̃ with its gradient fused where it has one. */
  private readonly trainTarget: TargetSpec;
  private readonly objective: ObjectiveSpec;
  private readonly familySpec: FamilySpec;
  /** q's tf variables and ops: null on the fast path. */
  private readonly tfFamily: VariationalFamily | null;
  /** The sizes of q's parameters in `variables` order (a run state's layout). */
  private readonly sizes: readonly number[];
  /** The tfjs path's optimiser (the fast path has its own, in JS). */
  private tfOptimizer: FlatOptimizer | null;
  private readonly trainNoise: NormalStream;
  private readonly evalNoise: NormalStream;
  private readonly displayEps: Float32Array;
  private readonly estimatorState: EstimatorState = { baseline: null };
  private grid: Grid;
  /** The grid points where p has weight, and p's normalised quadrature weights there (forward KL). */
  private p: PWeights = { points: new Float32Array(0), weights: new Float32Array(0) };
  /** The grid and `p` as tensors, made on first use by the tfjs path. */
  private readonly tensors: GridTensors;
  private fieldState: TargetField;
  private steps = 0;
  private fieldVersion = 0;
  private measurements = 0;
  private lastSnr: number | null = null;
  /** −1 until the gradient SNR is first measured. */
  private snrStep = -1;
  /** The last expensive read-outs and when the next are due (null: none yet, or stale after a change). */
  private readings: Readings | null = null;
  private readonly budget = new ReadoutBudget();
  private sampledMoments: Moments | null = null;
  /** Plain-JS steps where the family and the target both have a hand-derived path (null: tfjs only). */
  private readonly fast: FastPath | null;
  /** The tfjs path's per-step finiteness test and checkpoint (null on the fast path, which tests in JS). */
  private readonly guard: TensorGuard | null;
  /** The iterate average (config.averaging), on the device or in JS (iterateAverage.ts). */
  private readonly average: IterateAverage;

  constructor(config: RunConfig, options: { fastPath?: boolean } = {}) {
    this.config = config;
    const target = resolveTarget(config.target);
    const familySpec = findFamily(config.family.id);
    const objective = findObjective(config.objective.id);
    if (!target || !familySpec || !objective) throw new Error('RunConfig names an unknown target, family or objective');
    this.target = target;
    this.trainTarget = withFusedGradient(target);
    this.objective = objective;
    this.familySpec = familySpec;
    const domain = target.domain(config.target.params);
    const init = initialQ(domain, target.dim);
    const start = familySpec.initialValues(target.dim, init, config.family.options);
    this.sizes = start.map((v) => v.values.length);
    this.fast = options.fastPath === false ? null : FastPath.tryCreate(config, target, familySpec, concatTheta(start.map((v) => v.values)), init);
    this.tfFamily = this.fast ? null : familySpec.create(needTf(), target.dim, init, config.family.options);
    this.tfOptimizer = this.fast ? null : new FlatOptimizer(config.optimizer, config.lr);
    this.guard = this.fast ? null : new TensorGuard(this.family.variables, 0);
    this.trainNoise = new NormalStream(config.seed);
    this.evalNoise = new NormalStream(config.seed ^ 0x2545f491);
    this.average = new IterateAverage(this.fast, this.tfFamily, config.seed);
    this.displayEps = displayNoise(target.dim);
    this.grid = makeGrid(domain, target.dim);
    this.tensors = new GridTensors(target.dim);
    this.fieldState = this.computeField();
  }

  /** q's tf variables and ops (the tfjs path only). */
  private get family(): VariationalFamily {
    if (!this.tfFamily) throw new Error('a run on the fast path has no tf family');
    return this.tfFamily;
  }

  private get optimizer(): FlatOptimizer {
    if (!this.tfOptimizer) throw new Error('a run on the fast path has no tf optimiser');
    return this.tfOptimizer;
  }

  /** The tfjs path's fresh optimiser (the fast path restarts its own when it restores). */
  private restartOptimizer(): void {
    if (!this.tfOptimizer) return;
    this.tfOptimizer.dispose();
    this.tfOptimizer = new FlatOptimizer(this.config.optimizer, this.config.lr);
  }

  private get gridPoints(): Tensor2D {
    return this.tensors.gridPoints(this.grid);
  }

  private get pPoints(): Tensor2D {
    return this.tensors.pWeights(this.p).points;
  }

  private get pWeights(): Tensor1D {
    return this.tensors.pWeights(this.p).weights;
  }

  private get density(): DensityAccess {
    return this.familySpec.density;
  }

  /** q as evaluation.ts reads it. */
  private get q(): QHeld {
    return { fast: this.fast, family: this.tfFamily };
  }

  get step(): number {
    return this.steps;
  }

  get dim(): number {
    return this.target.dim;
  }

  get field(): TargetField {
    return this.fieldState;
  }

  /**
   * Apply a live change. Returns false when the change needs a fresh Run (another target,
   * family, objective, optimiser or seed); true when it was applied in place.
   */
  update(next: RunConfig): boolean {
    const c = this.config;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    // One rule for what applies in place, shared with the worker and the controller (rules.ts).
    if (changeKind(c, next) === 'rebuild') return false;
    const targetChanged = !same(next.target.params, c.target.params);
    this.config = next;
    this.readings = null;
    // A new optimum (target moved) or a switched average: the average starts again from here.
    if (targetChanged || next.averaging !== c.averaging) this.average.restart();
    if (next.lr !== c.lr) this.tfOptimizer?.setLearningRate(next.lr);
    if (targetChanged) {
      this.fast?.setTargetParams(next.target.params);
      const domain = this.target.domain(next.target.params);
      if (!same(domain, this.grid.domain)) {
        this.grid = makeGrid(domain, this.target.dim);
        this.tensors.gridChanged(this.grid);
      }
      this.fieldState = this.computeField();
    }
    return true;
  }

  /** Whether steps run on the plain-JS fast path (the benchmark and the page report it). */
  get usesFastPath(): boolean {
    return this.fast !== null;
  }

  /**
   * n optimisation steps. Every state is tested before its update (divergence.ts); when one
   * fails, q goes back to the last good state, the optimiser starts afresh, `step` becomes that
   * state's step, and DivergenceError names the step that went wrong.
   */
  run(n: number): void {
    if (n <= 0) return;
    const lastGood = this.fast ? this.runFast(this.fast, n) : this.runTensors(n);
    if (lastGood === null) return;
    this.readings = null;
    this.restartOptimizer();
    this.estimatorState.baseline = null;
    this.steps = lastGood;
    this.average.restart();
    throw new DivergenceError(lastGood + 1);
  }

  /** Steps in plain JS; returns null, or the last good step after a restore. */
  private runFast(fast: FastPath, n: number): number | null {
    const { samples } = this.config;
    const buf = new Float32Array(samples * this.target.dim);
    for (let i = 0; i < n; i++) {
      this.trainNoise.fill(buf);
      if (!fast.step(buf, samples, this.config, this.steps)) return fast.restoreCheckpoint();
      if (this.config.averaging) this.average.addValues(fast.currentValues);
      this.steps++;
    }
    return fast.currentIsGood() ? null : fast.restoreCheckpoint();
  }

  /** Steps with tfjs; the guard reads one flag back at the end. Returns null or the last good step. */
  private runTensors(n: number): number | null {
    const tf = needTf();
    const guard = this.guard as TensorGuard;
    const { samples } = this.config;
    const dim = this.target.dim;
    const buf = new Float32Array(samples * dim);
    const family = this.family;
    guard.begin(this.steps);
    let done = 0;
    try {
      for (; done < n; done++) {
        this.trainNoise.fill(buf);
        tf.tidy(() => {
          const eps = tf.tensor2d(buf, [samples, dim]);
          const flat = guard.flat();
          let grads: Tensor[];
          if (family.ownGradients) {
            guard.check(flat, null);
            grads = family.ownGradients({ tf, target: this.trainTarget, params: this.config.target.params, eps });
          } else {
            // optimizer.minimize, split so the loss at θ is tested before θ is updated.
            const result = tf.variableGrads(() => this.loss(eps), family.variables);
            guard.check(flat, result.value);
            grads = family.variables.map((v) => result.grads[v.name]);
          }
          // One fused update of the flat θ, split back into the variables (flatOptimizer.ts).
          const next = this.optimizer.step(flat, flatten(grads));
          guard.updated(next);
          assignFlat(family.variables, next);
          // θ after the update: a bad one is caught by the next test, and a restore restarts the average.
          if (this.config.averaging) this.average.addFlat(next);
        });
        this.steps++;
      }
    } catch (e) {
      // A family that reads its parameters back (a mixture's stratified draw) may throw on NaN.
      const lastGood = guard.end(done);
      if (lastGood !== null) return lastGood;
      throw e;
    }
    return guard.end(n);
  }

  /** How many iterates the read-outs average (0: they show the current iterate). */
  get averagedOver(): number {
    return this.config.averaging ? this.average.count : 0;
  }

  /** Run `read` with q holding the iterate average when averaging is on (read-outs describe it; training goes on from the iterate). */
  private atAverage<T>(read: () => T): T {
    return this.config.averaging ? this.average.at(read) : read();
  }

  /** n plain draws from q with fresh evaluation noise, as [n·dim] (for moments in another space). */
  manySamples(n: number): Float32Array {
    return this.atAverage(() => this.plainSamples(n));
  }

  private plainSamples(n: number): Float32Array {
    const dim = this.target.dim;
    const eps = this.evalNoise.fill(new Float32Array(n * dim));
    return drawSamples(this.q, eps, n, dim);
  }

  /**
   * Wait for queued device work (WebGL runs ops asynchronously) by reading back the variable the
   * last update wrote (the device runs ops in order). The fast path has nothing queued. Not
   * moments(): a flow's are 4,096 draws through every layer, ~100 ms per call on the cpu backend.
   */
  flush(): void {
    if (this.fast) return;
    this.family.variables[this.family.variables.length - 1].dataSync();
  }

  /**
   * Everything the UI draws for one frame, for the iterate average when averaging is on. With
   * `budgeted` (the worker while playing) the expensive read-outs are refreshed only when their
   * share of the run's time allows (readoutBudget.ts) and otherwise repeated with the step they
   * describe; without it (paused, the CLI, tests) every read-out is fresh.
   */
  snapshot(options: { budgeted?: boolean } = {}): Snapshot {
    this.checkAverage();
    return this.atAverage(() => this.readOut(options.budgeted ?? false));
  }

  /**
   * Now and then, the average against the iterate on the same draws; an average that trails
   * restarts from the iterate (averageCheck.ts). A Gaussian's average is the better q and is
   * never restarted; a flow's can be the worse one.
   */
  private checkAverage(): void {
    if (!this.config.averaging) return;
    const q = { ...this.q, target: this.target, params: this.config.target.params };
    if (this.average.restartIfTrailing(this.steps, this.target.dim, (eps, n) => logWeightsAt(q, eps, n))) this.readings = null;
  }

  private readOut(budgeted: boolean): Snapshot {
    // The whole snapshot is timed: the budget covers the cheap read-outs too (readoutBudget.ts).
    const t0 = performance.now();
    const dim = this.target.dim;
    // Moments estimated from draws are an expensive read-out (4,096 draws through q): they refresh with the others.
    const reuse = budgeted && this.readings !== null && this.readings.fieldVersion === this.fieldState.version && !this.budget.due(t0);
    const moments = reuse && this.sampledMoments ? this.sampledMoments : qMoments(this.q, dim);
    if (!qMomentsExact(this.q)) this.sampledMoments = moments;
    // A safety net: run() restores the last good state, so this is not expected to fire.
    if (moments.mean.some((m) => !Number.isFinite(m)) || moments.cov.flat().some((v) => !Number.isFinite(v))) {
      throw new DivergenceError(this.steps);
    }
    const samples = drawSamples(this.q, this.displayEps, DISPLAY_SAMPLES, dim);
    let readings = this.readings;
    const refresh = !reuse || !readings;
    if (refresh || !readings) {
      readings = this.measure(moments, budgeted);
      this.readings = readings;
    }
    const snapshot: Snapshot = {
      ...readings,
      step: this.steps,
      fastPath: this.fast !== null,
      density: this.density,
      averagedOver: this.averagedOver,
      mean: moments.mean,
      cov: moments.cov,
      params: qParams(this.q),
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
  private measure(moments: Moments, budgeted: boolean): Readings {
    const params = this.config.target.params;
    const evalEps = this.evalNoise.fill(new Float32Array(EVAL_SAMPLES * this.target.dim));
    const { logw, logq } = evaluateQ(
      { ...this.q, density: this.density, target: this.target, params, grid: this.grid, gridPoints: () => this.gridPoints },
      evalEps,
      EVAL_SAMPLES,
    );
    // The SNR (six gradient batches) is the costliest read-out: a playing run's first refresh leaves
    // it to the next, so its first steps show sooner (a third of realnvp's cold warm-up).
    const snrDue = this.snrStep < 0 ? !(budgeted && this.measurements === 0) : this.measurements % SNR_EVERY === 0;
    this.measurements++;
    if (snrDue) {
      this.lastSnr = this.gradientSnr();
      this.snrStep = this.steps;
    }
    return readingsOf({
      logw,
      logq,
      field: this.fieldState,
      grid: this.grid,
      objective: this.objective,
      objectiveOptions: this.config.objective.options,
      hasDensity: this.density !== 'none',
      moments,
      step: this.steps,
      gradSnr: this.lastSnr,
      gradSnrStep: this.snrStep,
      evalSamples: EVAL_SAMPLES,
    });
  }

  /** q's parameters and the step count, copied (safe to transfer or keep). */
  exportState(): RunState {
    if (this.fast) return { step: this.steps, variables: splitTheta(this.fast.currentValues[0], this.sizes) };
    return { step: this.steps, variables: this.family.variables.map((v) => (v.dataSync() as Float32Array).slice()) };
  }

  /**
   * Carry on from `state` (same config): q's variables take its values, the step count continues
   * from its step, and the optimiser starts afresh (its moments may be what blew up).
   */
  importState(state: RunState): void {
    const sizes = this.sizes;
    if (state.variables.length !== sizes.length || sizes.some((size, k) => size !== state.variables[k].length)) {
      throw new Error('a saved run state does not match this family');
    }
    if (this.fast) this.fast.reload(concatTheta(state.variables), state.step);
    else {
      const tf = needTf();
      this.family.variables.forEach((v, k) => {
        tf.tidy(() => v.assign(tf.tensor(state.variables[k], v.shape)));
      });
    }
    this.restartOptimizer();
    this.estimatorState.baseline = null;
    this.guard?.reset(state.step);
    this.steps = state.step;
    this.readings = null;
    this.average.restart();
  }

  dispose(): void {
    this.guard?.dispose();
    this.average.dispose();
    this.tfFamily?.dispose();
    this.tfOptimizer?.dispose();
    this.tensors.dispose();
  }

  /** The loss this step minimises: the family's own (MAP) or the objective's surrogate. */
  private loss(eps: Tensor2D): Scalar {
    const ctx = { tf: needTf(), target: this.trainTarget, params: this.config.target.params, eps };
    if (this.family.ownLoss) return this.family.ownLoss(ctx);
    const full: ObjectiveContext = {
      ...ctx,
      family: this.family,
      estimator: this.config.estimator,
      options: this.config.objective.options,
      grid: { points: this.pPoints, pWeights: this.pWeights },
      state: this.estimatorState,
    };
    return this.objective.loss(full);
  }

  /** SNR of the loss gradient over a few fresh mini-batches of the training size (noise not from the training stream). */
  private gradientSnr(): number | null {
    // A family with its own update rule (SVGD) has no loss whose gradient to measure.
    if (this.familySpec.fittedBy === 'own-update') return null;
    const { samples } = this.config;
    const dim = this.target.dim;
    const fast = this.fast;
    if (fast) {
      const rows = Array.from({ length: 6 }, () => {
        const eps = this.evalNoise.fill(new Float32Array(samples * dim));
        return fast.gradients(eps, samples).flatMap((g) => Array.from(g));
      });
      return snrOfRows(rows);
    }
    const tf = needTf();
    return gradientSnr(6, this.family.variables, () => {
      const buf = this.evalNoise.fill(new Float32Array(samples * dim));
      return (): Scalar => this.loss(tf.tensor2d(buf, [samples, dim]));
    });
  }

  private computeField(): TargetField {
    const { field, p } = evaluateField(this.target, this.config.target.params, this.grid, ++this.fieldVersion);
    this.p = p;
    this.tensors.pChanged(p);
    return field;
  }
}

export type { Tensor };
