import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { normalLogPdf, sampleMoments } from '../testing/independentMath';
import { tf } from '../tf';
import type { Scalar, Tensor1D } from '../tf';
import { mixtureMaker } from './mixture.make';
import { binnedFit, epsData, expectFits, expectNoLeaks, familyLogQ, logMassOnGrid, samplesOf } from './testKit';
import type { VariationalFamily } from './types';

interface Truth {
  pi: number[];
  mu: number[][];
  sigma: number[][];
}

/** A mixture with random weights, means and scales written into [logits, μ, log σ]. */
function randomMixture(K: number, dim: number, seed: number): { q: VariationalFamily; truth: Truth } {
  const u = uniformStream(seed);
  const logits = Array.from({ length: K }, () => Math.fround(-1 + 2 * u()));
  const mu = Array.from({ length: K }, () => Array.from({ length: dim }, () => Math.fround(-3 + 6 * u())));
  const logSigma = Array.from({ length: K }, () => Array.from({ length: dim }, () => Math.fround(Math.log(0.3 + 0.8 * u()))));
  const q = mixtureMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, { K });
  const [lv, mv, sv] = q.variables;
  tf.tidy(() => {
    lv.assign(tf.tensor1d(logits));
    mv.assign(tf.tensor2d(mu));
    sv.assign(tf.tensor2d(logSigma));
  });
  const e = logits.map(Math.exp);
  const z = e.reduce((s, v) => s + v, 0);
  return { q, truth: { pi: e.map((v) => v / z), mu, sigma: logSigma.map((r) => r.map(Math.exp)) } };
}

/** log Σₖ πₖ Πᵢ N(xᵢ; μₖᵢ, σₖᵢ²) in float64 from the textbook formula. */
function mixtureLogPdf(x: ArrayLike<number>, t: Truth): number {
  const terms = t.pi.map((p, k) => Math.log(p) + t.mu[k].reduce((s, m, i) => s + normalLogPdf(x[i], m, t.sigma[k][i]), 0));
  const max = Math.max(...terms);
  return max + Math.log(terms.reduce((s, v) => s + Math.exp(v - max), 0));
}

describe.each([1, 2])('mixture of Gaussians, d = %i', (dim) => {
  const K = 3;

  it('logQ matches the textbook mixture density at random points', () => {
    const { q, truth } = randomMixture(K, dim, 10 + dim);
    const pts = Float32Array.from({ length: 200 * dim }, (_, i) => -5 + (10 * ((i * 7919) % 1000)) / 1000);
    const got = familyLogQ(q)(pts);
    for (let i = 0; i < 200; i++) {
      const want = mixtureLogPdf(pts.subarray(i * dim, (i + 1) * dim), truth);
      expect(Math.abs(got[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
    q.dispose();
  });

  it('draw() is the stratified form: all K·n component draws, weights πₖ/n, differentiable in the logits', () => {
    const { q, truth } = randomMixture(K, dim, 20 + dim);
    const n = 50;
    const eps = epsData(n, dim, 5);
    const { z, w, logq } = tf.tidy(() => {
      const b = q.draw(tf.tensor2d(eps, [n, dim]));
      return { z: b.z.dataSync(), w: Array.from(b.weights!.dataSync()), logq: b.logQ!.dataSync() };
    });
    expect(z.length).toBe(K * n * dim);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < n; j++) {
        const row = k * n + j;
        expect(w[row]).toBeCloseTo(truth.pi[k] / n, 6);
        for (let a = 0; a < dim; a++) expect(z[row * dim + a]).toBeCloseTo(truth.mu[k][a] + truth.sigma[k][a] * eps[j * dim + a], 4);
        expect(logq[row]).toBeCloseTo(mixtureLogPdf(z.subarray(row * dim, (row + 1) * dim), truth), 3);
      }
    }
    // ∂/∂logitⱼ Σᵢ wᵢ zᵢ₁ = Σₖ πₖ(δₖⱼ − πⱼ) mₖ, mₖ = μₖ₁ + σₖ₁·mean(ε₁): the softmax Jacobian
    const grad = tf.tidy(() => {
      const f = () => {
        const b = q.draw(tf.tensor2d(eps, [n, dim]));
        return tf.sum(tf.mul(b.weights as Tensor1D, tf.reshape(tf.slice(b.z, [0, 0], [-1, 1]), [-1]))) as Scalar;
      };
      return tf.variableGrads(f, [q.variables[0]]).grads[q.variables[0].name].dataSync();
    });
    const epsMean = Array.from({ length: n }, (_, j) => eps[j * dim]).reduce((s, v) => s + v, 0) / n;
    const m = truth.mu.map((row, k) => row[0] + truth.sigma[k][0] * epsMean);
    const mBar = truth.pi.reduce((s, p, k) => s + p * m[k], 0);
    for (let j = 0; j < K; j++) expect(grad[j]).toBeCloseTo(truth.pi[j] * (m[j] - mBar), 4);
    q.dispose();
  });

  it('sample() assigns row i to the component whose cumulative-weight interval holds (i + ½)/n', () => {
    const { q, truth } = randomMixture(K, dim, 30 + dim);
    const n = 997;
    const eps = epsData(n, dim, 6);
    const z = tf.tidy(() => q.sample(tf.tensor2d(eps, [n, dim])).dataSync());
    const cum = truth.pi.map((_, k) => truth.pi.slice(0, k + 1).reduce((s, v) => s + v, 0));
    for (let i = 0; i < n; i++) {
      const k = Math.min(K - 1, cum.filter((c) => c <= (i + 0.5) / n).length);
      for (let a = 0; a < dim; a++) expect(z[i * dim + a]).toBeCloseTo(truth.mu[k][a] + truth.sigma[k][a] * eps[i * dim + a], 4);
    }
    q.dispose();
  });

  it('moments() (law of total covariance) agree with the moments of 40 000 samples', () => {
    const { q } = randomMixture(K, dim, 40 + dim);
    const m = q.moments();
    const s = sampleMoments(samplesOf(q, 40_000, 8), dim);
    for (let a = 0; a < dim; a++) {
      expect(Math.abs(s.mean[a] - m.mean[a])).toBeLessThan(4 * Math.sqrt(m.cov[a][a] / 40_000));
      for (let b = 0; b < dim; b++) expect(Math.abs(s.cov[a][b] - m.cov[a][b])).toBeLessThan(0.05 * Math.sqrt(m.cov[a][a] * m.cov[b][b]));
    }
    q.dispose();
  });

  it('samples fit exp(logQ) binned (Pearson X²), and exp(logQ) integrates to 1', () => {
    const { q } = randomMixture(K, dim, 50 + dim);
    const box = dim === 2 ? { x: [-6, 6] as const, y: [-6, 6] as const } : { x: [-6, 6] as const };
    const fit = binnedFit(samplesOf(q, 20_000, 9), dim as 1 | 2, box, dim === 2 ? 16 : 60, familyLogQ(q));
    expectFits(fit, `mixture d=${dim} X²`);
    expect(Math.abs(logMassOnGrid(q, { x: [-10, 10], y: [-10, 10] }, dim === 2 ? 201 : 2001))).toBeLessThan(1e-3);
    q.dispose();
  });

  it('frees its tensors and does not grow over repeated use', () => {
    expectNoLeaks(() => mixtureMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0.5), scale: 1 }, { K: 4 }));
  });
});

describe('mixture initialisation', () => {
  it('spreads K components around the starting mean instead of stacking them', () => {
    const q = mixtureMaker.create(tf, 2, { mean: [1, -1], scale: 0.5 }, { K: 5 });
    const mu = q.params().mu as number[][];
    for (let i = 0; i < 5; i++) {
      expect(Math.hypot(mu[i][0] - 1, mu[i][1] + 1)).toBeCloseTo(0.5, 5);
      for (let j = 0; j < i; j++) expect(Math.hypot(mu[i][0] - mu[j][0], mu[i][1] - mu[j][1])).toBeGreaterThan(0.5);
    }
    expect(q.moments().mean[0]).toBeCloseTo(1, 5);
    q.dispose();
  });
});

