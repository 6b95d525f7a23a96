import { describe, expect, it } from 'vitest';
import { NormalStream, uniformStream } from '../random';
import { gaussianEntropy, meanAndStdErr, mvnLogPdf, sampleMoments } from '../testing/independentMath';
import { tf } from '../tf';
import { fullRankGaussianMaker } from './fullRankGaussian.make';
import type { VariationalFamily } from './types';

type Matrix = number[][];

/**
 * A full-rank q with random μ, off-diagonal entries and log-diagonal written into its variables
 * ([μ, off-diagonal, log diag]). The off-diagonal variable is filled completely, upper triangle
 * included: only its strict lower triangle may reach L.
 */
function randomFamily(dim: number, seed: number): { q: VariationalFamily; mu: number[]; L: Matrix; cov: Matrix } {
  const u = uniformStream(seed);
  const mu = Array.from({ length: dim }, () => Math.fround(-2 + 4 * u()));
  const off = Array.from({ length: dim }, () => Array.from({ length: dim }, () => Math.fround(-1 + 2 * u())));
  const logDiag = Array.from({ length: dim }, () => Math.fround(Math.log(0.3 + 1.2 * u())));
  const q = fullRankGaussianMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, {});
  const [muVar, offVar, logDiagVar] = q.variables;
  tf.tidy(() => {
    muVar.assign(tf.tensor1d(mu));
    offVar.assign(tf.tensor2d(off));
    logDiagVar.assign(tf.tensor1d(logDiag));
  });
  const L = off.map((row, i) => row.map((v, j) => (j < i ? v : j === i ? Math.exp(logDiag[i]) : 0)));
  const cov = L.map((ri) => L.map((rj) => ri.reduce((s, v, k) => s + v * rj[k], 0)));
  return { q, mu, L, cov };
}

function epsBatch(n: number, dim: number, seed: number): Float32Array {
  return new NormalStream(seed).fill(new Float32Array(n * dim));
}

describe.each([1, 2, 3])('full-rank Gaussian, d = %i', (dim) => {
  it('reads back a lower-triangular L with positive diagonal, built only from the lower triangle', () => {
    const { q, mu, L } = randomFamily(dim, 100 + dim);
    const params = q.params();
    const gotL = params.L as number[][];
    for (let i = 0; i < dim; i++) {
      expect((params.mu as number[])[i]).toBeCloseTo(mu[i], 6);
      for (let j = 0; j < dim; j++) expect(gotL[i][j]).toBeCloseTo(L[i][j], 6);
      expect(gotL[i][i]).toBeGreaterThan(0);
    }
    q.dispose();
  });

  it('logQ matches an independent multivariate normal log density (elimination, not Cholesky) at random points', () => {
    const { q, mu, cov } = randomFamily(dim, 200 + dim);
    const u = uniformStream(300 + dim);
    const n = 300;
    const z = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) z[i * dim + a] = mu[a] + Math.sqrt(cov[a][a]) * (-4 + 8 * u());
    const got = tf.tidy(() => q.logQ!(tf.tensor2d(z, [n, dim])).dataSync());
    for (let i = 0; i < n; i++) {
      const want = mvnLogPdf(Array.from(z.subarray(i * dim, (i + 1) * dim)), mu, cov);
      expect(Math.abs(got[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
    q.dispose();
  });

  it('entropy equals ½ log det(2πeΣ) and the Monte Carlo estimate −E[log q]', () => {
    const { q, cov } = randomFamily(dim, 400 + dim);
    const n = 50_000;
    const [entropy, logq] = tf.tidy(() => {
      const h = q.entropy();
      if (!h) throw new Error('full-rank entropy should be analytic');
      return [h.dataSync()[0], q.logQ!(q.sample(tf.tensor2d(epsBatch(n, dim, 7), [n, dim]))).dataSync()];
    });
    expect(entropy).toBeCloseTo(gaussianEntropy(cov), 5);
    const mc = meanAndStdErr(Array.from(logq, (v) => -v));
    expect(Math.abs(mc.mean - entropy)).toBeLessThan(4 * mc.stdErr);
    q.dispose();
  });

  it('moments() are (μ, LLᵀ) and agree with the moments of its samples', () => {
    const { q, mu, cov } = randomFamily(dim, 500 + dim);
    const m = q.moments();
    for (let a = 0; a < dim; a++) {
      expect(m.mean[a]).toBeCloseTo(mu[a], 5);
      for (let b = 0; b < dim; b++) expect(m.cov[a][b]).toBeCloseTo(cov[a][b], 5);
    }
    const n = 50_000;
    const z = tf.tidy(() => q.sample(tf.tensor2d(epsBatch(n, dim, 9), [n, dim])).dataSync());
    const s = sampleMoments(z, dim);
    for (let a = 0; a < dim; a++) {
      expect(Math.abs(s.mean[a] - m.mean[a])).toBeLessThan(4 * Math.sqrt(cov[a][a] / n));
      for (let b = 0; b < dim; b++) {
        // Var of a sample covariance entry ≈ (ΣaaΣbb + Σab²)/n
        const se = Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] ** 2) / n);
        expect(Math.abs(s.cov[a][b] - m.cov[a][b])).toBeLessThan(4 * se);
      }
    }
    q.dispose();
  });

  it('dispose() frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    const { q } = randomFamily(dim, 600 + dim);
    tf.tidy(() => q.logQ!(q.sample(tf.tensor2d(epsBatch(10, dim, 1), [10, dim])))).dispose();
    q.moments();
    q.params();
    q.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('two families alive at once (compare mode)', () => {
  it('can coexist and be disposed independently', () => {
    const a = fullRankGaussianMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, {});
    const b = fullRankGaussianMaker.create(tf, 2, { mean: [1, 1], scale: 2 }, {});
    expect(a.moments().mean).toEqual([0, 0]);
    expect(b.moments().mean).toEqual([1, 1]);
    a.dispose();
    expect(b.moments().cov[0][0]).toBeCloseTo(4, 5);
    b.dispose();
  });
});
