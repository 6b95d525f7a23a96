import { defaultConfig } from '../core/config';
import { initialQ } from '../core/engine/run';
import { FlatAdam } from '../core/fast/adam';
import { fastFamilyOf } from '../core/fast/families';
import type { FastFamily, FastTarget } from '../core/fast/types';
import { findFamily } from '../core/families/makers';
import { NormalStream } from '../core/random';
import { findTargetSpec } from '../core/targets/resolveSpec';
import { tf } from '../core/tf';

/**
 * The benchmark's ceiling for one family (issue 9): the bare loop a Run's fast path wraps —
 * noise, the family's plain-JS gradient (`src/core/fast/families.ts`), the target's `logDensityGrad`, and
 * FlatAdam — with none of the Run's bookkeeping (divergence test, checkpoint, write-back). The
 * engine's steps/s is reported as a fraction of this, so "how much does the Run cost" is one
 * number. Every piece is imported (docs/math.md#fast-paths): no second copy of a gradient, of
 * Adam or of the PRNG.
 */
export class CeilingLoop {
  readonly theta: Float64Array;
  private readonly grad: Float64Array;
  private readonly adam: FlatAdam;
  private readonly eps: Float32Array;
  private readonly noise: NormalStream;
  private steps = 0;
  /** The last step's loss (−ELBO for families fitted by the objective), NaN before the first. */
  lastLoss = Number.NaN;

  private constructor(
    readonly family: FastFamily,
    readonly target: FastTarget,
    theta: Float64Array,
    readonly samples: number,
    readonly lr: number,
    seed: number,
  ) {
    this.theta = theta;
    this.grad = new Float64Array(family.size);
    this.adam = new FlatAdam(family.size);
    this.eps = new Float32Array(samples * target.dim);
    this.noise = new NormalStream(seed);
  }

  /**
   * The ceiling of a family on a target at the app's default options, learning rate, seed and
   * starting point, or null when the family or the target has no plain-JS path (the bench prints
   * "n/a"). θ starts where a Run's q starts: the tf family's initial variables, read once.
   */
  static create(familyId: string, targetId: string, samples: number): CeilingLoop | null {
    const spec = findFamily(familyId);
    const target = findTargetSpec(targetId);
    if (!spec || !target?.logDensityGrad) return null;
    const config = defaultConfig(targetId, familyId);
    const init = initialQ(target.domain(config.target.params), target.dim);
    const fast = fastFamilyOf(familyId)?.(target.dim, config.family.options, init) ?? null;
    if (!fast) return null;
    const tfFamily = spec.create(tf, target.dim, init, config.family.options);
    const theta = new Float64Array(fast.size);
    let offset = 0;
    for (const v of tfFamily.variables) {
      theta.set(v.dataSync(), offset);
      offset += v.size;
    }
    tfFamily.dispose();
    if (offset !== fast.size) throw new Error(`fast ${familyId} has ${fast.size} parameters, its tf variables ${offset}`);
    const fastTarget: FastTarget = { dim: target.dim, logDensityGrad: target.logDensityGrad, params: config.target.params };
    return new CeilingLoop(fast, fastTarget, theta, samples, config.lr, config.seed);
  }

  get step(): number {
    return this.steps;
  }

  /** n steps: fresh noise, the family's gradient of its loss, one Adam update. */
  run(n: number): void {
    for (let k = 0; k < n; k++) {
      this.noise.fill(this.eps);
      this.lastLoss = this.family.gradient(this.theta, this.eps, this.samples, this.target, this.grad);
      this.adam.step(this.theta, this.grad, this.lr);
      this.steps++;
    }
  }

  /**
   * The loss at the current θ on many fixed draws (the same draws every call, so values compare).
   * For an objective-fitted family on a normalised target (banana: log Z = 0) this is KL(q‖p).
   */
  loss(samples = 20_000): number {
    const eps = new NormalStream(0x5eed).fill(new Float32Array(samples * this.target.dim));
    return this.family.gradient(this.theta, eps, samples, this.target, new Float64Array(this.family.size));
  }
}

/** Untimed stepping before the timed window (as measure.ts warms the engine up). */
const WARM_MS = 300;

export interface CeilingTiming {
  readonly family: string;
  readonly samples: number;
  /** null when the family has no plain-JS path (printed "n/a"). */
  readonly stepsPerSecond: number | null;
  readonly steps: number;
  readonly ms: number;
  /** The loss after the timed steps (KL(q‖p) on the banana): a check that the loop fitted something. */
  readonly lossAfter: number | null;
}

/** Steps per second of a family's ceiling on a target, for `budgetMs` of wall time after a warm-up. */
export function timeCeiling(familyId: string, targetId: string, samples: number, budgetMs: number): CeilingTiming {
  const loop = CeilingLoop.create(familyId, targetId, samples);
  if (!loop) return { family: familyId, samples, stepsPerSecond: null, steps: 0, ms: 0, lossAfter: null };
  const chunk = Math.max(1, Math.round(16384 / samples));
  /** Steps in chunks for `ms` of wall time; returns the steps and the time taken. */
  const loopFor = (ms: number): { steps: number; ms: number } => {
    let steps = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms || steps === 0) {
      loop.run(chunk);
      steps += chunk;
      t = performance.now();
    }
    return { steps, ms: t - t0 };
  };
  // Untimed, as the engine's raw timing (measure.ts): the JIT optimises the loop first.
  loopFor(Math.min(WARM_MS, budgetMs / 4));
  const timed = loopFor(budgetMs);
  return { family: familyId, samples, stepsPerSecond: (timed.steps / timed.ms) * 1000, steps: timed.steps, ms: timed.ms, lossAfter: loop.loss() };
}
