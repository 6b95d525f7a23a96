import type { RunConfig } from '../config';
import { changeKind } from '../rules';
import { makeGrid } from '../exact/grid';
import type { Grid } from '../exact/grid';
import { FastPath, concatTheta, splitTheta } from '../fast/fastPath';
import { findFamily } from '../families/makers';
import type { FamilySpec } from '../families/types';
import { findObjective } from '../objectives/losses';
import type { ObjectiveSpec } from '../objectives/types';
import { NormalStream } from '../random';
import { resolveTarget } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import type { Tensor, Tensor2D } from '../tfTypes';
import { IterateAverage } from './iterateAverage';
import { DivergenceError } from './divergence';
import { type QHeld, drawSamples, logWeightsAt } from './evaluation';
import { type PWeights, evaluateField } from './field';
import { GridTensors } from './gridTensors';
import { snrOfRows } from './gradientSnr';
import { RunReadouts } from './runReadouts';
import { type RunState, initialQ } from './runState';
import type { Snapshot, TargetField } from './snapshot';
import { displayNoise } from './displayNoise';
import { TensorPath } from './tensorPath';

export { DivergenceError };
export { type RunState, initialQ } from './runState';

export { DISPLAY_SAMPLES } from './displayNoise';
export { EVAL_SAMPLES } from './runReadouts';

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
  private readonly objective: ObjectiveSpec;
  private readonly familySpec: FamilySpec;
  /** The sizes of q's parameters in `variables` order (a run state's layout). */
  private readonly sizes: readonly number[];
  private readonly trainNoise: NormalStream;
  private readonly evalNoise: NormalStream;
  private grid: Grid;
  /** The grid points where p has weight, and p's normalised quadrature weights there (forward KL). */
  private p: PWeights = { points: new Float32Array(0), weights: new Float32Array(0) };
  /** The grid and `p` as tensors, made on first use by the tfjs path. */
  private readonly tensors: GridTensors;
  private fieldState: TargetField;
  private steps = 0;
  private fieldVersion = 0;
  private readonly readouts: RunReadouts;
  /** Plain-JS steps where the family and the target both have a hand-derived path (null: tfjs only). */
  private readonly fast: FastPath | null;
  /** q's tf variables, optimiser and checkpoint: null on the fast path (which has its own, in JS). */
  private readonly tensorPath: TensorPath | null;
  /** The iterate average (config.averaging), on the device or in JS (iterateAverage.ts). */
  private readonly average: IterateAverage;

  constructor(config: RunConfig, options: { fastPath?: boolean } = {}) {
    this.config = config;
    const target = resolveTarget(config.target);
    const familySpec = findFamily(config.family.id);
    const objective = findObjective(config.objective.id);
    if (!target || !familySpec || !objective) throw new Error('RunConfig names an unknown target, family or objective');
    this.target = target;
    this.objective = objective;
    this.familySpec = familySpec;
    const domain = target.domain(config.target.params);
    const init = initialQ(domain, target.dim);
    const start = familySpec.initialValues(target.dim, init, config.family.options);
    this.sizes = start.map((v) => v.values.length);
    this.fast = options.fastPath === false ? null : FastPath.tryCreate(config, target, familySpec, concatTheta(start.map((v) => v.values)), init);
    this.tensorPath = this.fast ? null : new TensorPath(config, target, familySpec, init, objective, () => this.tensors.pWeights(this.p));
    this.trainNoise = new NormalStream(config.seed);
    this.evalNoise = new NormalStream(config.seed ^ 0x2545f491);
    this.average = new IterateAverage(this.fast, this.tensorPath?.family ?? null, config.seed);
    this.readouts = new RunReadouts(this.evalNoise, displayNoise(target.dim));
    this.grid = makeGrid(domain, target.dim);
    this.tensors = new GridTensors(target.dim);
    this.fieldState = this.computeField();
  }

  /** The tfjs path (a run without the fast path has one). */
  private get tfPath(): TensorPath {
    if (!this.tensorPath) throw new Error('a run on the fast path has no tf family');
    return this.tensorPath;
  }

  private get gridPoints(): Tensor2D {
    return this.tensors.gridPoints(this.grid);
  }

  /** q as evaluation.ts reads it. */
  private get q(): QHeld {
    return { fast: this.fast, family: this.tensorPath?.family ?? null };
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
    this.readouts.stale();
    // A new optimum (target moved) or a switched average: the average starts again from here.
    if (targetChanged || next.averaging !== c.averaging) this.average.restart();
    if (next.lr !== c.lr) this.tensorPath?.setLearningRate(next.lr);
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
    const lastGood = this.fast ? this.runFast(this.fast, n) : this.runTensors(this.tfPath, n);
    if (lastGood === null) return;
    this.readouts.stale();
    this.tensorPath?.restart(this.config);
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
  private runTensors(path: TensorPath, n: number): number | null {
    const buf = new Float32Array(this.config.samples * this.target.dim);
    path.begin(this.steps);
    let done = 0;
    try {
      for (; done < n; done++) {
        this.trainNoise.fill(buf);
        path.step(buf, this.config, this.average);
        this.steps++;
      }
    } catch (e) {
      // A family that reads its parameters back (a mixture's stratified draw) may throw on NaN.
      const lastGood = path.end(done);
      if (lastGood !== null) return lastGood;
      throw e;
    }
    return path.end(n);
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
    this.tfPath.flush();
  }

  /**
   * Everything the UI draws for one frame, for the iterate average when averaging is on. With
   * `budgeted` (the worker while playing) the expensive read-outs are refreshed only when their
   * share of the worker's time allows (split among the `runs` it steps: readoutBudget.ts) and
   * otherwise repeated with the step they describe; without it (paused, the CLI, tests) every
   * read-out is fresh.
   */
  snapshot(options: { budgeted?: boolean; runs?: number } = {}): Snapshot {
    this.checkAverage();
    return this.atAverage(() => this.readOut(options.budgeted ?? false, options.runs ?? 1));
  }

  /**
   * Now and then, the average against the iterate on the same draws; an average that trails
   * restarts from the iterate (averageCheck.ts). A Gaussian's average is the better q and is
   * never restarted; a flow's can be the worse one.
   */
  private checkAverage(): void {
    if (!this.config.averaging) return;
    const q = { ...this.q, target: this.target, params: this.config.target.params };
    if (this.average.restartIfTrailing(this.steps, this.target.dim, (eps, n) => logWeightsAt(q, eps, n))) this.readouts.stale();
  }

  private readOut(budgeted: boolean, runs: number): Snapshot {
    const source = {
      q: this.q,
      density: this.familySpec.density,
      target: this.target,
      config: this.config,
      grid: this.grid,
      gridPoints: () => this.gridPoints,
      field: this.fieldState,
      objective: this.objective,
      step: this.steps,
      averagedOver: this.averagedOver,
      gradientSnr: () => this.gradientSnr(),
    };
    return this.readouts.snapshot(source, budgeted, runs);
  }

  /** q's parameters and the step count, copied (safe to transfer or keep). */
  exportState(): RunState {
    if (this.fast) return { step: this.steps, variables: splitTheta(this.fast.currentValues[0], this.sizes) };
    return { step: this.steps, variables: this.tfPath.values() };
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
    else this.tfPath.assign(state.variables);
    this.tensorPath?.restart(this.config);
    this.tensorPath?.reset(state.step);
    this.steps = state.step;
    this.readouts.stale();
    this.average.restart();
  }

  dispose(): void {
    this.tensorPath?.dispose();
    this.average.dispose();
    this.tensors.dispose();
  }

  /** SNR of the loss gradient over a few fresh mini-batches of the training size (noise not from the training stream). */
  private gradientSnr(): number | null {
    // A family with its own update rule (SVGD) has no loss whose gradient to measure.
    if (this.familySpec.fittedBy === 'own-update') return null;
    const { samples } = this.config;
    const nextEps = () => this.evalNoise.fill(new Float32Array(samples * this.target.dim));
    const fast = this.fast;
    if (fast) return snrOfRows(Array.from({ length: 6 }, () => fast.gradients(nextEps(), samples).flatMap((g) => Array.from(g))));
    return this.tfPath.gradientSnr(this.config, nextEps);
  }

  private computeField(): TargetField {
    const { field, p } = evaluateField(this.target, this.config.target.params, this.grid, ++this.fieldVersion);
    this.p = p;
    this.tensors.pChanged(p);
    return field;
  }
}

export type { Tensor };
