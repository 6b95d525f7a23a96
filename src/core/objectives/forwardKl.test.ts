import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import type { RunConfig } from '../config';
import { Run } from '../engine/run';
import { elboFromLogWeights } from '../exact/bounds';
import { makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import { meanFieldGaussian } from '../families/meanFieldGaussian';
import { meanFieldGaussianMaker } from '../families/meanFieldGaussian.make';
import type { FamilyInfo } from '../families/types';
import { gaussianKl } from '../testing/independentMath';
import { objectiveContext } from '../testing/objectiveContext';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { forwardKl } from './forwardKl';
import { forwardKlLoss } from './forwardKl.loss';
import { gaussian1d, gradient, normalEps } from './objectiveFixtures';

describe('forward KL: the exact grid gradient', () => {
  // p = N(m, s²) on its plot grid, q = N(μ, σ²) with (μ, log σ) as variables
  const m = 1;
  const s = 0.7;
  const target = gaussian1d(m, s, 0.3);
  const g = makeGrid(target.domain({}), 1);
  const logp = tf.tidy(() => target.logDensity(tf, tf.tensor2d(g.points, [g.points.length, 1]), {}).dataSync());
  const { logZ } = quadratureLogZ(logp, g);

  it('d/dμ E_p[−log q] = (μ − m)/σ² and d/dlog σ E_p[−log q] = 1 − (s² + (μ − m)²)/σ²', () => {
    const points = tf.tensor2d(g.points, [g.points.length, 1]) as Tensor2D;
    const pWeights = tf.tensor1d(Array.from(logp, (lp, i) => g.weights[i] * Math.exp(lp - logZ))) as Tensor1D;
    for (const [mu, sigma] of [
      [0.2, 1.3],
      [1.8, 0.5],
    ]) {
      const q = meanFieldGaussianMaker.create(tf, 1, { mean: [mu], scale: sigma }, {});
      const ctx = objectiveContext({ target, params: {}, family: q, eps: normalEps(4, 1, 1), grid: { points, pWeights } });
      const [dMu, dLogSigma] = gradient(() => forwardKlLoss.loss(ctx), q.variables);
      expect(Math.abs(dMu - (mu - m) / sigma ** 2)).toBeLessThan(1e-4);
      expect(Math.abs(dLogSigma - (1 - (s * s + (mu - m) ** 2) / sigma ** 2))).toBeLessThan(1e-4);
      // the loss is the cross-entropy H(p, q) = KL(p‖q) + H(p), in closed form for Gaussians
      const crossEntropy = gaussianKl([m], [[s * s]], [mu], [[sigma * sigma]]) + 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
      expect(tf.tidy(() => forwardKlLoss.loss(ctx).dataSync()[0])).toBeCloseTo(crossEntropy, 4);
      ctx.eps.dispose();
      q.dispose();
    }
    points.dispose();
    pWeights.dispose();
  });

  it('needs log q anywhere: says why for families that only know it at samples, or not at all', () => {
    const fake = (density: FamilyInfo['density']): FamilyInfo => ({ ...meanFieldGaussian, name: 'Some family', density });
    expect(forwardKl.unsupported(meanFieldGaussian)).toBeNull();
    expect(forwardKl.unsupported(fake('samples'))).toMatch(/only at its own samples/);
    expect(forwardKl.unsupported(fake('none'))).toMatch(/has no density/);
    expect(forwardKl.estimators).toEqual(['reparam']);
    // it bounds nothing: the read-out is the ELBO of the same weights
    const logw = Float64Array.from([-1, -0.5, -2, 0.3]);
    expect(forwardKlLoss.bound(logw, {})).toBe(elboFromLogWeights(logw).value);
  });
});

describe('public check 2 (second half): PRML §10.1.2, forward KL with mean-field q', () => {
  const rho = 0.9;
  const sigma = [
    [1, rho],
    [rho, 1],
  ];

  it('fits variances Σᵢᵢ = 1 and means 0, and KL(p‖q) = −½ log(1 − ρ²) at the optimum', () => {
    const base = defaultConfig('correlated-gaussian', 'mean-field');
    const c: RunConfig = { ...base, target: { ...base.target, params: { rho, sd1: 1, sd2: 1 } }, objective: { id: 'forward-kl', options: {} } };
    const run = new Run(c);
    expect(run.snapshot().klPQ!).toBeGreaterThan(1.5); // 1.64 from where q starts
    // The gradient is exact, so Adam needs no noise averaging; smaller steps only to stop its overshoot.
    for (const [lr, steps] of [
      [0.05, 200],
      [0.01, 60],
      [0.002, 40],
    ]) {
      expect(run.update({ ...c, lr })).toBe(true);
      run.run(steps);
    }
    const end = run.snapshot();
    const optimumKl = -0.5 * Math.log(1 - rho * rho);
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(end.mean[a])).toBeLessThan(0.01);
      expect(Math.abs(end.cov[a][a] - 1)).toBeLessThan(0.03);
    }
    expect(end.cov[0][1]).toBe(0);
    expect(Math.abs(end.klPQ! - optimumKl)).toBeLessThan(1e-3);
    // the grid KL(p‖q) is the closed form at q's own moments, too
    expect(Math.abs(end.klPQ! - gaussianKl([0, 0], sigma, end.mean, end.cov))).toBeLessThan(1e-4);
    // q = N(0, I) is much wider than p's conditionals: KL(q‖p) = ½(2/(1 − ρ²) − 2 + log(1 − ρ²)) ≈ 3.43
    expect(Math.abs(end.klQP! - 0.5 * (2 / (1 - rho * rho) - 2 + Math.log(1 - rho * rho)))).toBeLessThan(0.01);
    run.dispose();
  });
});
