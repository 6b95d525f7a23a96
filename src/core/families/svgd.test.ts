import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { correlatedGaussian as correlatedGaussianInfo } from '../targets/correlatedGaussian';
import { sampleMoments, solve } from '../testing/independentMath';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { svgdMaker } from './svgd.make';
import { expectNoLeaks, note, samplesOf } from './testKit';
import { targetSpec } from '../targets/resolveSpec';

const correlatedGaussian = targetSpec(correlatedGaussianInfo);

const gauss = { rho: 0.8, sd1: 1, sd2: 1 };
const cov = [
  [1, 0.8],
  [0.8, 1],
];

/**
 * φ(xᵢ) = (1/n) Σⱼ [k(xⱼ, xᵢ) ∇log p(xⱼ) + ∇_{xⱼ} k(xⱼ, xᵢ)] in float64, straight from Liu & Wang
 * (2016, eq. 8) with k = exp(−‖x − x′‖²/(2h²)), h² = med²/(2 log(n + 1)), med² the median of all
 * n² squared distances (their code), and ∇log p(x) = −Σ⁻¹x for the Gaussian target.
 */
function steinDirection(x: number[][]): number[][] {
  const n = x.length;
  const d2 = x.map((a) => x.map((b) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0)));
  const sorted = d2.flat().sort((a, b) => a - b);
  const m = n * n;
  const med2 = m % 2 === 1 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  const h2 = med2 / (2 * Math.log(n + 1));
  const grad = x.map((xi) => solve(cov, xi).x.map((v) => -v));
  return x.map((xi, i) =>
    xi.map((_, a) => {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const k = Math.exp(-d2[i][j] / (2 * h2));
        s += k * grad[j][a] - (k * (x[j][a] - xi[a])) / h2; // ∇_{xⱼ}k = −k (xⱼ − xᵢ)/h²
      }
      return s / n;
    }),
  );
}

describe('SVGD', () => {
  it('ownGradients is −φ, the Stein direction with the median-heuristic RBF kernel', () => {
    const q = svgdMaker.create(tf, 2, { mean: [0.5, -0.5], scale: 1.5 }, { particles: 12 });
    const x = q.params().particles as number[][];
    const got = tf.tidy(() => {
      const eps = tf.zeros([4, 2]) as Tensor2D;
      return q.ownGradients!({ tf, target: correlatedGaussian, params: gauss, eps })[0].dataSync();
    });
    const want = steinDirection(x);
    for (let i = 0; i < 12; i++) for (let a = 0; a < 2; a++) expect(got[i * 2 + a]).toBeCloseTo(-want[i][a], 4);
    q.dispose();
  });

  it('sample() returns the particles whatever n is; moments are theirs', () => {
    const q = svgdMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, { particles: 30 });
    const z = samplesOf(q, 5, 1);
    expect(z.length).toBe(60);
    const m = sampleMoments(z, 2);
    const got = q.moments();
    for (let a = 0; a < 2; a++) {
      expect(got.mean[a]).toBeCloseTo(m.mean[a], 5);
      for (let b = 0; b < 2; b++) expect(got.cov[a][b]).toBeCloseTo(m.cov[a][b], 5);
    }
    q.dispose();
  });

  it('particles move to the mean and covariance of a correlated Gaussian target', () => {
    const c = defaultConfig('correlated-gaussian', 'svgd');
    const run = new Run({ ...c, target: { ...c.target, params: gauss } });
    run.run(400);
    const s = run.snapshot();
    note('svgd on correlated-gaussian after 400 steps', { mean: s.mean, cov: s.cov });
    expect(s.density).toBe('none');
    expect(s.elbo).toBeNull();
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(s.mean[a])).toBeLessThan(0.1);
      for (let b = 0; b < 2; b++) expect(Math.abs(s.cov[a][b] - cov[a][b])).toBeLessThan(0.15);
    }
    run.dispose();
  });

  it('frees its tensors and does not grow over repeated use (its own update included)', () => {
    const before = tf.memory().numTensors;
    expectNoLeaks(() => svgdMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, { particles: 20 }));
    const q = svgdMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, { particles: 20 });
    const afterCreate = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        q.ownGradients!({ tf, target: correlatedGaussian, params: gauss, eps: tf.zeros([2, 2]) as Tensor2D });
      });
      expect(tf.memory().numTensors).toBe(afterCreate);
    }
    q.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
