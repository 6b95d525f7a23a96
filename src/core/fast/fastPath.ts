import type { RunConfig } from '../config';
import { LOG_SCALE_LIMIT } from '../engine/divergence';
import { initialQ } from '../engine/runState';
import { findFamily } from '../families/makers';
import type { FamilyInit, FamilySpec } from '../families/types';
import { resolveTarget } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import { FlatAdam, sgdStep } from './adam';
import { fastFamilyOf } from './families';
import type { FastFamily, FastTarget } from './types';

/**
 * Whether a run's steps may take the plain-JS fast path: the family and the target must both
 * carry one, and the step must be the one the family's fast gradient computes (the pathwise ELBO
 * gradient for families fitted by the objective; MAP and SVGD families ignore the objective).
 */
export function fastPathApplies(config: RunConfig, target: TargetSpec, family: FamilySpec): boolean {
  if (!target.logDensityGrad || !fastFamilyOf(family.id)) return false;
  if (family.fittedBy !== 'objective') return true;
  return config.objective.id === 'reverse-kl' && config.estimator === 'reparam';
}

/** The run's fast family, or null when the run steps with tfjs (the fast path does not apply, or the family has none in this dimension). */
export function fastFamilyFor(config: RunConfig, target: TargetSpec, spec: FamilySpec, init: FamilyInit): FastFamily | null {
  if (!fastPathApplies(config, target, spec)) return null;
  return fastFamilyOf(spec.id)?.(target.dim, config.family.options, init) ?? null;
}

/**
 * Whether a Run of this config steps on the fast path (and so needs no tfjs: the engine worker
 * builds and steps it before tfjs is loaded). False for a config naming an unknown target or family.
 */
export function takesFastPath(config: RunConfig): boolean {
  const target = resolveTarget(config.target);
  const spec = findFamily(config.family.id);
  if (!target || !spec) return false;
  return fastFamilyFor(config, target, spec, initialQ(target.domain(config.target.params), target.dim)) !== null;
}

/** θ from q's parameters in `variables` order (each row-major), as one float64 vector. */
export function concatTheta(parts: readonly ArrayLike<number>[]): Float64Array {
  const theta = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    theta.set(part, offset);
    offset += part.length;
  }
  return theta;
}

/** θ cut back into q's parameters of these sizes, as float32 (what tf variables of them would hold). */
export function splitTheta(theta: Float64Array, sizes: readonly number[]): Float32Array[] {
  let at = 0;
  return sizes.map((size) => {
    at += size;
    return Float32Array.from(theta.subarray(at - size, at));
  });
}

/**
 * The engine's fast path (docs/math.md#fast-paths): a family's hand-derived step on one float64
 * parameter vector θ, with the optimiser, the divergence test and the checkpoint of the tfjs path
 * (run.ts). θ is the run's only copy of q: a run on this path has no tf variables and needs no
 * tfjs (docs/architecture.md#lazy-tfjs).
 */
export class FastPath {
  private readonly theta: Float64Array;
  private readonly checkpoint: Float64Array;
  private checkpointStep = 0;
  private readonly grad: Float64Array;
  private readonly adam: FlatAdam;
  private fastTarget: FastTarget;

  private constructor(
    readonly family: FastFamily,
    theta0: Float64Array,
    target: TargetSpec,
    params: Readonly<Record<string, number>>,
  ) {
    const size = theta0.length;
    if (family.size !== size) throw new Error(`fast family has ${family.size} parameters, its starting values ${size}`);
    this.theta = Float64Array.from(theta0);
    this.checkpoint = Float64Array.from(this.theta);
    this.grad = new Float64Array(size);
    this.adam = new FlatAdam(size);
    this.fastTarget = { dim: target.dim, logDensityGrad: target.logDensityGrad as FastTarget['logDensityGrad'], params };
  }

  /**
   * The fast path for this run from θ₀ (q's starting parameters, concatTheta), or null when it
   * does not apply (then tfjs does everything).
   */
  static tryCreate(config: RunConfig, target: TargetSpec, spec: FamilySpec, theta0: Float64Array, init: FamilyInit): FastPath | null {
    const fast = fastFamilyFor(config, target, spec, init);
    return fast ? new FastPath(fast, theta0, target, config.target.params) : null;
  }

  /** The target's parameters moved (a live change): the next step uses the new ones. */
  setTargetParams(params: Readonly<Record<string, number>>): void {
    this.fastTarget = { ...this.fastTarget, params };
  }

  /**
   * One step on ε (row-major [n, dim]) from the state of step `step`: θ changes in place. The
   * state is tested first (representable in float32, finite gradient); a bad one is left as it is
   * and false returned. A good one becomes the checkpoint before the update.
   */
  step(eps: Float32Array, n: number, config: RunConfig, step: number): boolean {
    if (!this.currentIsGood()) return false;
    this.family.gradient(this.theta, eps, n, this.fastTarget, this.grad);
    for (let i = 0; i < this.grad.length; i++) if (!Number.isFinite(this.grad[i])) return false;
    this.checkpoint.set(this.theta);
    this.checkpointStep = step;
    if (config.optimizer === 'sgd') sgdStep(this.theta, this.grad, config.lr);
    else this.adam.step(this.theta, this.grad, config.lr);
    return true;
  }

  /** θ as it is (not copied: the iterate average reads it after each step). */
  get currentValues(): readonly Float64Array[] {
    return [this.theta];
  }

  /** Whether the current state passes the test (float32-representable, log-scales in range). */
  currentIsGood(): boolean {
    const t = this.theta;
    for (let i = 0; i < t.length; i++) if (!Number.isFinite(Math.fround(t[i]))) return false;
    for (const [a, b] of this.family.logScales) for (let i = a; i < b; i++) if (Math.abs(t[i]) > LOG_SCALE_LIMIT) return false;
    return true;
  }

  /** Back to the checkpoint with the optimiser restarted (its moments may be what blew up); returns its step. */
  restoreCheckpoint(): number {
    this.theta.set(this.checkpoint);
    this.adam.reset();
    return this.checkpointStep;
  }

  getValues(): Float64Array[] {
    return [Float64Array.from(this.theta)];
  }

  setValues(values: readonly ArrayLike<number>[]): void {
    this.theta.set(values[0]);
  }

  /** The update direction at ε, copied (the gradient SNR read-out collects several). */
  gradients(eps: Float32Array, n: number): Float64Array[] {
    const g = new Float64Array(this.theta.length);
    this.family.gradient(this.theta, eps, n, this.fastTarget, g);
    return [g];
  }

  /** Plain draws from q as float32 (display samples, moments). */
  sample(eps: Float32Array, n: number): Float32Array {
    return Float32Array.from(this.family.sample(this.theta, eps, n));
  }

  /** log q at points [n, dim], or null when the family's density is not known anywhere. */
  logQ(points: ArrayLike<number>, n: number): Float32Array | null {
    return this.family.logQ ? Float32Array.from(this.family.logQ(this.theta, points, n)) : null;
  }

  /** log w = log p̃(z) − log q(z) at z ~ q (the evaluation batch of a snapshot), or null without a density. */
  logWeights(eps: Float32Array, n: number): Float64Array | null {
    if (!this.family.sampleWithLogQ) return null;
    const { z, logq } = this.family.sampleWithLogQ(this.theta, eps, n);
    const logp = new Float64Array(n);
    this.fastTarget.logDensityGrad(z, n, this.fastTarget.params, logp, new Float64Array(z.length));
    for (let i = 0; i < n; i++) logp[i] -= logq[i];
    return logp;
  }

  /** Carry on from θ (a state imported at `step`, concatTheta) with the optimiser restarted. */
  reload(theta: Float64Array, step: number): void {
    this.theta.set(theta);
    this.checkpoint.set(this.theta);
    this.checkpointStep = step;
    this.adam.reset();
  }

  resetOptimizer(): void {
    this.adam.reset();
  }
}
