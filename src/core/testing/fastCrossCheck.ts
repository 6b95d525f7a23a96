import { expect } from 'vitest';
import { defaultConfig } from '../config';
import type { RunConfig } from '../config';
import { Run } from '../engine/run';
import { FastPath, concatTheta } from '../fast/fastPath';
import { findFamily } from '../families/makers';
import type { VariationalFamily } from '../families/types';
import { reverseKlLoss } from '../objectives/reverseKl.loss';
import { NormalStream } from '../random';
import { findTargetSpec } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Tensor, Tensor2D } from '../tf';
import { objectiveContext } from './objectiveContext';

/**
 * The cross-checks every fast path passes (docs/testing.md#fast-paths): for the same ε, the
 * plain-JS family agrees with its tfjs twin on the update direction (autodiff of the run's loss,
 * or SVGD's own direction), the draws, log q at the draws and on a grid; and a short run on the
 * fast path follows the tfjs path's trajectory.
 */
export interface CrossCheckCase {
  readonly family: string;
  readonly target: string;
  readonly targetParams?: Readonly<Record<string, number>>;
  readonly options?: Readonly<Record<string, number>>;
  /** Nudge the tf variables off their symmetric start so every entry of the gradient is exercised. */
  readonly perturb?: (family: VariationalFamily) => void;
  /** Relative tolerance of the gradient check (float32 tfjs against float64 JS). */
  readonly tolerance?: number;
}

function setup(c: CrossCheckCase): { target: TargetSpec; family: VariationalFamily; fast: FastPath; config: RunConfig; params: Readonly<Record<string, number>> } {
  const target = findTargetSpec(c.target);
  const spec = findFamily(c.family);
  if (!target || !spec) throw new Error(`unknown ${c.target} or ${c.family}`);
  const base = defaultConfig(c.target, c.family);
  const params = { ...base.target.params, ...c.targetParams };
  const config: RunConfig = { ...base, target: { id: c.target, params }, family: { id: c.family, options: { ...base.family.options, ...c.options } } };
  const d = target.dim;
  const init = { mean: d === 2 ? [0.3, -0.2] : [0.3], scale: 0.8 };
  const family = spec.create(tf, d, init, config.family.options);
  // The fast path starts from the spec's initial values without tfjs: they are the tf variables' start.
  const start = spec.initialValues(d, init, config.family.options);
  expect(start.map((v) => [...v.shape]), `${c.family} initial shapes`).toEqual(family.variables.map((v) => v.shape));
  for (const [k, v] of start.entries()) expect(v.values, `${c.family} initial value ${k}`).toEqual(family.variables[k].dataSync());
  c.perturb?.(family);
  const fast = FastPath.tryCreate(config, target, spec, concatTheta(family.variables.map((v) => v.dataSync())), init);
  if (!fast) throw new Error(`the fast path should apply to ${c.family} on ${c.target}`);
  return { target, family, fast, config, params };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * (1 + Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
      throw new Error(`${what}[${i}]: fast ${actual[i]} vs tfjs ${expected[i]} (tolerance ${tol})`);
    }
  }
}

/** The gradient, draws and densities of the fast family against tfjs, on one batch of ε. */
export function crossCheckFamily(c: CrossCheckCase, n = 64): void {
  const { target, family, fast, params } = setup(c);
  const d = target.dim;
  const rel = c.tolerance ?? 2e-3;
  const eps = new NormalStream(9).fill(new Float32Array(n * d));
  const [fastGrad] = fast.gradients(eps, n);
  const tfGrad = tf.tidy(() => {
    const ctx = { tf, target, params, eps: tf.tensor2d(eps, [n, d]) };
    let grads: Tensor[];
    if (family.ownGradients) grads = family.ownGradients(ctx);
    else {
      const loss = family.ownLoss ? () => family.ownLoss?.(ctx) as ReturnType<typeof reverseKlLoss.loss> : () => reverseKlLoss.loss(objectiveContext({ target, params, family, eps: ctx.eps }));
      const { grads: named } = tf.variableGrads(loss, family.variables);
      grads = family.variables.map((v) => named[v.name]);
    }
    return grads.map((g) => g.dataSync() as Float32Array);
  });
  expectClose(fastGrad, Float64Array.from(tfGrad.flatMap((g) => Array.from(g))), rel, `${c.family} gradient on ${c.target}`);

  const tfSample = tf.tidy(() => family.sample(tf.tensor2d(eps, [n, d])).dataSync() as Float32Array);
  const fastSample = fast.sample(eps, n);
  expectClose(fastSample, tfSample, 1e-4, `${c.family} sample`);

  const batch = fast.family.sampleWithLogQ?.(fast.currentValues[0], eps, n);
  if (batch) {
    const tfLogq = tf.tidy(() => {
      const e = tf.tensor2d(eps, [n, d]);
      return (family.logQ ? family.logQ(family.sample(e)) : family.draw(e).logQ)?.dataSync();
    });
    if (tfLogq) expectClose(batch.logq, tfLogq, 1e-3, `${c.family} log q at its draws`);
  }
  if (fast.family.logQ && family.logQ) {
    const pts = new NormalStream(4).fill(new Float32Array(n * d)).map((v) => 1.5 * v);
    const tfLogq = tf.tidy(() => (family.logQ as NonNullable<VariationalFamily['logQ']>)(tf.tensor2d(pts, [n, d]) as Tensor2D).dataSync());
    expectClose(fast.family.logQ(fast.currentValues[0], pts, n), tfLogq, 1e-3, `${c.family} log q on points`);
  }
  // The named parameters the explainer reads: the fast family's from θ, the tf family's from its variables.
  const fastParams = fast.family.params(fast.currentValues[0]);
  const tfParams = family.params();
  expect(Object.keys(fastParams).sort(), `${c.family} parameter names`).toEqual(Object.keys(tfParams).sort());
  for (const [name, value] of Object.entries(tfParams)) {
    expectClose((fastParams[name] as (number | number[])[]).flat(), (value as (number | number[])[]).flat(), 1e-5, `${c.family} parameter ${name}`);
  }
  family.dispose();
}

/** A short run on each path from the same start: the means agree, so the paths step alike. */
export function crossCheckTrajectory(c: CrossCheckCase, steps = 30, tolerance = 2e-3): void {
  const { config } = setup(c);
  const fastRun = new Run(config);
  const slowRun = new Run(config, { fastPath: false });
  expect(fastRun.usesFastPath).toBe(true);
  fastRun.run(steps);
  slowRun.run(steps);
  const a = fastRun.exportState().variables;
  const b = slowRun.exportState().variables;
  for (let k = 0; k < a.length; k++) expectClose(a[k], b[k], tolerance, `${c.family} parameters after ${steps} steps`);
  fastRun.dispose();
  slowRun.dispose();
}
