import type { RunConfig } from '../config';
import type { FamilyInit, FamilySpec, VariationalFamily } from '../families/types';
import type { EstimatorState, ObjectiveContext, ObjectiveSpec } from '../objectives/types';
import type { TargetSpec } from '../targets/types';
import { needTf } from '../tfRuntime';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '../tfTypes';
import { TensorGuard } from './divergence';
import { FlatOptimizer } from './flatOptimizer';
import { assignFlat, flatten } from './flatParams';
import { withFusedGradient } from './fusedTarget';
import { gradientSnr } from './gradientSnr';
import type { IterateAverage } from './iterateAverage';

/** The points where p has weight and p's normalised quadrature weights there, as tensors (forward KL). */
export interface PTensors {
  readonly points: Tensor2D;
  readonly weights: Tensor1D;
}

/**
 * A run's tfjs path, for a run without the plain-JS fast path: q as the family's tf variables, the
 * optimiser on their flat θ, the per-step finiteness test and checkpoint (divergence.ts) and the
 * loss the steps minimise. Made only with tfjs loaded (docs/architecture.md#lazy-tfjs).
 */
export class TensorPath {
  /** q's tf variables and ops. */
  readonly family: VariationalFamily;
  /** The target the steps differentiate: log p̃ with its gradient fused where it has one. */
  private readonly trainTarget: TargetSpec;
  private optimizer: FlatOptimizer;
  /** The per-step finiteness test and checkpoint. */
  private readonly guard: TensorGuard;
  private readonly estimatorState: EstimatorState = { baseline: null };
  private readonly dim: number;

  constructor(
    config: RunConfig,
    target: TargetSpec,
    familySpec: FamilySpec,
    init: FamilyInit,
    private readonly objective: ObjectiveSpec,
    /** p's tensors, made on first use (GridTensors). */
    private readonly pTensors: () => PTensors,
  ) {
    this.dim = target.dim;
    this.trainTarget = withFusedGradient(target);
    this.family = familySpec.create(needTf(), target.dim, init, config.family.options);
    this.optimizer = new FlatOptimizer(config.optimizer, config.lr);
    this.guard = new TensorGuard(this.family.variables, 0);
  }

  /** A fresh optimiser and estimator baseline (after a restore: the moments may be what blew up). */
  restart(config: RunConfig): void {
    this.optimizer.dispose();
    this.optimizer = new FlatOptimizer(config.optimizer, config.lr);
    this.estimatorState.baseline = null;
  }

  setLearningRate(lr: number): void {
    this.optimizer.setLearningRate(lr);
  }

  /** Before a call's steps: the guard counts good states from `step`. */
  begin(step: number): void {
    this.guard.begin(step);
  }

  /** One step on the noise `buf` ([samples·dim]); the iterate goes into `average` when averaging is on. */
  step(buf: Float32Array, config: RunConfig, average: IterateAverage): void {
    const tf = needTf();
    const guard = this.guard;
    const family = this.family;
    const { samples } = config;
    tf.tidy(() => {
      const eps = tf.tensor2d(buf, [samples, this.dim]);
      const flat = guard.flat();
      let grads: Tensor[];
      if (family.ownGradients) {
        guard.check(flat, null);
        grads = family.ownGradients({ tf, target: this.trainTarget, params: config.target.params, eps });
      } else {
        // optimizer.minimize, split so the loss at θ is tested before θ is updated.
        const result = tf.variableGrads(() => this.loss(eps, config), family.variables);
        guard.check(flat, result.value);
        grads = family.variables.map((v) => result.grads[v.name]);
      }
      // One fused update of the flat θ, split back into the variables (flatOptimizer.ts).
      const next = this.optimizer.step(flat, flatten(grads));
      guard.updated(next);
      assignFlat(family.variables, next);
      // θ after the update: a bad one is caught by the next test, and a restore restarts the average.
      if (config.averaging) average.addFlat(next);
    });
  }

  /** After `done` steps: the guard reads one flag back. Returns null, or the last good step after a restore. */
  end(done: number): number | null {
    return this.guard.end(done);
  }

  /** The checkpoint holds the state of `step` (an imported state). */
  reset(step: number): void {
    this.guard.reset(step);
  }

  /** SNR of the loss gradient over six fresh mini-batches, each on the noise `nextEps` gives. */
  gradientSnr(config: RunConfig, nextEps: () => Float32Array): number | null {
    const tf = needTf();
    const { samples } = config;
    return gradientSnr(6, this.family.variables, () => {
      const buf = nextEps();
      return (): Scalar => this.loss(tf.tensor2d(buf, [samples, this.dim]), config);
    });
  }

  /** Read back the variable the last update wrote: the device runs ops in order (Run.flush). */
  flush(): void {
    this.family.variables[this.family.variables.length - 1].dataSync();
  }

  /** q's variables' values, copied (a run state's layout). */
  values(): Float32Array[] {
    return this.family.variables.map((v) => (v.dataSync() as Float32Array).slice());
  }

  /** q's variables take these values (a run state's layout, checked by the caller). */
  assign(values: readonly Float32Array[]): void {
    const tf = needTf();
    this.family.variables.forEach((v, k) => {
      tf.tidy(() => v.assign(tf.tensor(values[k], v.shape)));
    });
  }

  /** The loss this step minimises: the family's own (MAP) or the objective's surrogate. */
  private loss(eps: Tensor2D, config: RunConfig): Scalar {
    const ctx = { tf: needTf(), target: this.trainTarget, params: config.target.params, eps };
    if (this.family.ownLoss) return this.family.ownLoss(ctx);
    const p = this.pTensors();
    const full: ObjectiveContext = {
      ...ctx,
      family: this.family,
      estimator: config.estimator,
      options: config.objective.options,
      grid: { points: p.points, pWeights: p.weights },
      state: this.estimatorState,
    };
    return this.objective.loss(full);
  }

  dispose(): void {
    this.guard.dispose();
    this.family.dispose();
    this.optimizer.dispose();
  }
}
