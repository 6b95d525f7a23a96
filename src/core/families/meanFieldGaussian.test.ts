import { describe, expect, it } from 'vitest';
import { NormalStream, uniformStream } from '../random';
import { gaussianEntropy, meanAndStdErr, mvnLogPdf, sampleMoments } from '../testing/independentMath';
import { tf } from '../tf';
import { meanFieldGaussianMaker } from './meanFieldGaussian.make';
import type { VariationalFamily } from './types';

/** A mean-field q with random μ and σ written into its variables ([μ, log σ]). */
function randomFamily(dim: number, seed: number): { q: VariationalFamily; mu: number[]; sigma: number[] } {
  const u = uniformStream(seed);
  const mu = Array.from({ length: dim }, () => -2 + 4 * u());
  const sigma = Array.from({ length: dim }, () => 0.3 + 1.5 * u());
  const q = meanFieldGaussianMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, {});
  const [muVar, logSigmaVar] = q.variables;
  tf.tidy(() => {
    muVar.assign(tf.tensor1d(mu));
    logSigmaVar.assign(tf.tensor1d(sigma.map(Math.log)));
  });
  return { q, mu: mu.map(Math.fround), sigma: sigma.map((s) => Math.exp(Math.fround(Math.log(s)))) };
}

const diagCov = (sigma: number[]) => sigma.map((si, i) => sigma.map((_, j) => (i === j ? si * si : 0)));

function epsBatch(n: number, dim: number, seed: number): Float32Array {
  return new NormalStream(seed).fill(new Float32Array(n * dim));
}

describe.each([1, 2, 3])('mean-field Gaussian, d = %i', (dim) => {
  it('reads back the parameters that were set', () => {
    const { q, mu, sigma } = randomFamily(dim, 100 + dim);
    const params = q.params();
    expect((params.mu as number[]).map((v, i) => v - mu[i]).every((e) => Math.abs(e) < 1e-6)).toBe(true);
    expect((params.sigma as number[]).map((v, i) => v - sigma[i]).every((e) => Math.abs(e) < 1e-6)).toBe(true);
    q.dispose();
  });

  it('logQ matches an independent multivariate normal log density at random points', () => {
    const { q, mu, sigma } = randomFamily(dim, 200 + dim);
    const u = uniformStream(300 + dim);
    const n = 300;
    const z = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) z[i * dim + a] = mu[a] + sigma[a] * (-4 + 8 * u());
    const got = tf.tidy(() => q.logQ!(tf.tensor2d(z, [n, dim])).dataSync());
    const cov = diagCov(sigma);
    for (let i = 0; i < n; i++) {
      const want = mvnLogPdf(Array.from(z.subarray(i * dim, (i + 1) * dim)), mu, cov);
      expect(Math.abs(got[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
    q.dispose();
  });

  it('entropy equals ½ log det(2πeΣ) and the Monte Carlo estimate −E[log q]', () => {
    const { q, sigma } = randomFamily(dim, 400 + dim);
    const n = 50_000;
    const [entropy, logq] = tf.tidy(() => {
      const h = q.entropy();
      if (!h) throw new Error('mean-field entropy should be analytic');
      return [h.dataSync()[0], q.logQ!(q.sample(tf.tensor2d(epsBatch(n, dim, 7), [n, dim]))).dataSync()];
    });
    expect(entropy).toBeCloseTo(gaussianEntropy(diagCov(sigma)), 5);
    const mc = meanAndStdErr(Array.from(logq, (v) => -v));
    expect(Math.abs(mc.mean - entropy)).toBeLessThan(4 * mc.stdErr);
    q.dispose();
  });

  it('moments() are (μ, diag σ²) and agree with the moments of its samples', () => {
    const { q, mu, sigma } = randomFamily(dim, 500 + dim);
    const m = q.moments();
    const cov = diagCov(sigma);
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
