import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { findFamily } from '../families/makers';
import { NormalStream } from '../random';
import { findTargetSpec, targetSpecs } from '../targets/resolveSpec';
import { crossCheckFamily, crossCheckTrajectory } from '../testing/fastCrossCheck';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { FastPath, concatTheta } from './fastPath';

const PARAMS: Record<string, Record<string, number>> = {
  'correlated-gaussian': { rho: 0.7, sd1: 1.3, sd2: 0.6 },
  banana: { a: 1.7, b: 0.3 },
  'bimodal-1d': { weight: 0.3, separation: 2.5 },
};

describe('hand-derived log p̃ and ∇log p̃ agree with the tfjs target and its autodiff', () => {
  for (const target of targetSpecs.filter((t) => t.logDensityGrad)) {
    test(target.id, () => {
      const fn = target.logDensityGrad;
      if (!fn) throw new Error('filtered');
      const d = target.dim;
      const n = 64;
      const params = PARAMS[target.id] ?? Object.fromEntries(target.params.map((p) => [p.name, p.default]));
      const centre = target.domain(params);
      const pts = new NormalStream(3).fill(new Float32Array(n * d)).map((v, i) => {
        const box = i % d === 0 ? centre.x : (centre.y ?? centre.x);
        return (box[0] + box[1]) / 2 + ((box[1] - box[0]) / 6) * v;
      });
      const logp = new Float64Array(n);
      const grad = new Float64Array(n * d);
      fn(Float64Array.from(pts), n, params, logp, grad);
      const [tfLogp, tfGrad] = tf.tidy(() => {
        const theta = tf.tensor2d(pts, [n, d]);
        const lp = target.logDensity(tf, theta, params);
        const g = tf.grad((t) => tf.sum(target.logDensity(tf, t as Tensor2D, params)))(theta);
        return [lp.dataSync(), g.dataSync()];
      });
      for (let i = 0; i < n; i++) expect(Math.abs(logp[i] - tfLogp[i])).toBeLessThan(1e-3 * (1 + Math.abs(tfLogp[i])));
      for (let i = 0; i < n * d; i++) expect(Math.abs(grad[i] - tfGrad[i])).toBeLessThan(1e-3 * (1 + Math.abs(tfGrad[i])));
    });
  }
});

describe('the Gaussian fast path computes the same ELBO gradient, draws and log q as the tfjs path', () => {
  for (const family of ['mean-field', 'full-rank']) {
    for (const target of Object.keys(PARAMS)) {
      test(`${family} on ${target}`, () => {
        crossCheckFamily({
          family,
          target,
          targetParams: PARAMS[target],
          perturb: (q) =>
            tf.tidy(() => {
              q.variables[0].assign(tf.tensor1d(q.dim === 2 ? [0.4, -0.7] : [0.4]));
              if (family === 'full-rank' && q.dim === 2) q.variables[1].assign(tf.tensor2d([0, 0, 0.35, 0], [2, 2]));
            }),
        });
        crossCheckTrajectory({ family, target, targetParams: PARAMS[target] });
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
  const spec = findFamily('full-rank');
  const target = findTargetSpec('banana');
  if (!spec || !target) throw new Error('no spec');
  const init = { mean: [0, 0], scale: 1 };
  const theta0 = concatTheta(spec.initialValues(2, init, {}).map((v) => v.values));
  expect(FastPath.tryCreate(iwae, target, spec, theta0, init)).toBeNull();
  expect(FastPath.tryCreate(stl, target, spec, theta0, init)).toBeNull();
});
