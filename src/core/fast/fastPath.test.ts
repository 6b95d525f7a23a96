import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { findFamily } from '../families/registry';
import { reverseKl } from '../objectives/reverseKl';
import { NormalStream } from '../random';
import { findTarget } from '../targets/registry';
import { objectiveContext } from '../testing/objectiveContext';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { GaussianFastPath } from './gaussianFastPath';
import { fastGradients } from './targetGradients';

const PARAMS: Record<string, Record<string, number>> = {
  'correlated-gaussian': { rho: 0.7, sd1: 1.3, sd2: 0.6 },
  banana: { a: 1.7, b: 0.3 },
  'bimodal-1d': { weight: 0.3, separation: 2.5 },
};

describe('hand-derived log p̃ and ∇log p̃ agree with the tfjs target and its autodiff', () => {
  for (const [id, fn] of Object.entries(fastGradients)) {
    test(id, () => {
      const target = findTarget(id);
      if (!target) throw new Error(`no target ${id}`);
      const d = target.dim;
      const n = 64;
      const pts = new NormalStream(3).fill(new Float32Array(n * d)).map((v) => 2 * v);
      const logp = new Float64Array(n);
      const grad = new Float64Array(n * d);
      fn(Float64Array.from(pts), n, PARAMS[id], logp, grad);
      const [tfLogp, tfGrad] = tf.tidy(() => {
        const theta = tf.tensor2d(pts, [n, d]);
        const lp = target.logDensity(tf, theta, PARAMS[id]);
        const g = tf.grad((t) => tf.sum(target.logDensity(tf, t as Tensor2D, PARAMS[id])))(theta);
        return [lp.dataSync(), g.dataSync()];
      });
      for (let i = 0; i < n; i++) expect(logp[i]).toBeCloseTo(tfLogp[i], 3);
      for (let i = 0; i < n * d; i++) expect(Math.abs(grad[i] - tfGrad[i])).toBeLessThan(1e-3 * (1 + Math.abs(tfGrad[i])));
    });
  }
});

describe('the Gaussian fast path computes the same ELBO gradient as the tfjs path', () => {
  for (const familyId of ['mean-field', 'full-rank']) {
    for (const targetId of Object.keys(fastGradients)) {
      test(`${familyId} on ${targetId}`, () => {
        const target = findTarget(targetId);
        const spec = findFamily(familyId);
        if (!target || !spec) throw new Error('missing spec');
        const d = target.dim;
        const family = spec.create(tf, d, { mean: new Array(d).fill(0.3), scale: 0.8 }, {});
        // Move off the symmetric start so every gradient entry is exercised.
        tf.tidy(() => {
          family.variables[0].assign(tf.tensor1d(d === 2 ? [0.4, -0.7] : [0.4]));
          if (familyId === 'full-rank' && d === 2) family.variables[1].assign(tf.tensor2d([0, 0, 0.35, 0], [2, 2]));
        });
        const config = { ...defaultConfig(targetId, familyId), target: { id: targetId, params: PARAMS[targetId] } };
        const fast = GaussianFastPath.tryCreate(config, d, family);
        if (!fast) throw new Error('fast path should apply');
        const n = 128;
        const eps = new NormalStream(9).fill(new Float32Array(n * d));
        const fastGrads = fast.gradients(eps, n, config);
        const tfGrads = tf.tidy(() => {
          const { grads } = tf.variableGrads(
            () => reverseKl.loss(objectiveContext({ target, params: PARAMS[targetId], family, eps: tf.tensor2d(eps, [n, d]) })),
            family.variables,
          );
          return family.variables.map((v) => Array.from(grads[v.name].dataSync()));
        });
        fastGrads.forEach((g, k) => {
          // The strict upper triangle (and diagonal) of full-rank's off-diagonal variable is masked
          // in the tfjs path, so its gradient is 0 there too.
          for (let i = 0; i < g.length; i++) expect(Math.abs(g[i] - tfGrads[k][i])).toBeLessThan(2e-4 * (1 + Math.abs(tfGrads[k][i])));
        });
        family.dispose();
      });
    }
  }
});

test('a snapshot on the fast path reports what the tfjs path reports', () => {
  for (const familyId of ['mean-field', 'full-rank']) {
    const config = defaultConfig('banana', familyId);
    const fast = new Run(config);
    const slow = new Run(config, { fastPath: false });
    const a = fast.snapshot();
    const b = slow.snapshot();
    expect(a.klQP as number).toBeCloseTo(b.klQP as number, 4);
    expect(a.klPQ as number).toBeCloseTo(b.klPQ as number, 3);
    expect(a.elbo as number).toBeCloseTo(b.elbo as number, 4);
    expect(a.khat as number).toBeCloseTo(b.khat as number, 2);
    for (let i = 0; i < a.samples.length; i++) expect(a.samples[i]).toBeCloseTo(b.samples[i], 4);
    fast.dispose();
    slow.dispose();
  }
});

test('a run on the fast path follows the tfjs path’s trajectory and reaches the same optimum', () => {
  const config = defaultConfig('correlated-gaussian', 'full-rank');
  config.target.params.rho = 0.9;
  const fast = new Run(config);
  const slow = new Run(config, { fastPath: false });
  expect(fast.usesFastPath).toBe(true);
  expect(slow.usesFastPath).toBe(false);
  fast.run(30);
  slow.run(30);
  const a = fast.snapshot();
  const b = slow.snapshot();
  a.mean.forEach((m, i) => {
    expect(Math.abs(m - b.mean[i])).toBeLessThan(1e-3);
  });
  fast.run(1500);
  const end = fast.snapshot();
  expect(end.klQP as number).toBeLessThan(0.01);
  expect(Math.abs(end.cov[0][1] - 0.9)).toBeLessThan(0.08);
  fast.dispose();
  slow.dispose();
});

test('the fast path does not apply where its derivation does not hold', () => {
  const iwae = { ...defaultConfig('banana', 'full-rank'), objective: { id: 'iwae', options: { K: 5 } } };
  const stl = { ...defaultConfig('banana', 'full-rank'), estimator: 'stl' as const };
  const family = findFamily('full-rank')?.create(tf, 2, { mean: [0, 0], scale: 1 }, {});
  if (!family) throw new Error('no family');
  expect(GaussianFastPath.tryCreate(iwae, 2, family)).toBeNull();
  expect(GaussianFastPath.tryCreate(stl, 2, family)).toBeNull();
  family.dispose();
});
