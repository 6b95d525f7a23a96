import { afterAll, describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { chiSquare, laplaceCdf, laplaceLogPdf, meanAndStdErr, sampleMoments } from '../testing/independentMath';
import { tf } from '../tf';
import { laplaceMaker } from './laplace.make';
import { binnedFit, epsData, expectFits, expectNoLeaks, familyLogQ, logMassOnGrid, note, samplesOf } from './testKit';
import type { VariationalFamily } from './types';

function randomLaplace(dim: number, seed: number): { q: VariationalFamily; mu: number[]; b: number[] } {
  const u = uniformStream(seed);
  const mu = Array.from({ length: dim }, () => Math.fround(-1 + 2 * u()));
  const logB = Array.from({ length: dim }, () => Math.fround(Math.log(0.3 + 0.9 * u())));
  const q = laplaceMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, {});
  tf.tidy(() => {
    q.variables[0].assign(tf.tensor1d(mu));
    q.variables[1].assign(tf.tensor1d(logB));
  });
  return { q, mu, b: logB.map(Math.exp) };
}

describe.each([1, 2])('Laplace, d = %i', (dim) => {
  it('logQ matches Σ(−|zᵢ − μᵢ|/bᵢ − log 2bᵢ)', () => {
    const { q, mu, b } = randomLaplace(dim, 10 + dim);
    const pts = Float32Array.from({ length: 100 * dim }, (_, i) => -5 + (10 * ((i * 7919) % 1000)) / 1000);
    const got = familyLogQ(q)(pts);
    for (let i = 0; i < 100; i++) {
      const want = mu.reduce((s, m, a) => s + laplaceLogPdf(pts[i * dim + a], m, b[a]), 0);
      expect(Math.abs(got[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
    q.dispose();
  });

  it('moments() = (μ, diag 2b²) agree with 40 000 samples', () => {
    const { q, mu, b } = randomLaplace(dim, 20 + dim);
    const m = q.moments();
    const s = sampleMoments(samplesOf(q, 40_000, 3), dim);
    for (let a = 0; a < dim; a++) {
      expect(m.mean[a]).toBeCloseTo(mu[a], 5);
      expect(m.cov[a][a]).toBeCloseTo(2 * b[a] * b[a], 5);
      expect(Math.abs(s.mean[a] - mu[a])).toBeLessThan(4 * Math.sqrt(m.cov[a][a] / 40_000));
      // Var of a sample variance ≈ (μ₄ − σ⁴)/n with μ₄ = 6σ⁴ for the Laplace
      expect(Math.abs(s.cov[a][a] - m.cov[a][a])).toBeLessThan(4 * Math.sqrt(5 / 40_000) * m.cov[a][a]);
    }
    q.dispose();
  });

  it('samples fit exp(logQ) binned, and exp(logQ) integrates to 1', () => {
    const { q } = randomLaplace(dim, 30 + dim);
    const box = dim === 2 ? { x: [-5, 5] as const, y: [-5, 5] as const } : { x: [-5, 5] as const };
    expectFits(binnedFit(samplesOf(q, 20_000, 4), dim as 1 | 2, box, dim === 2 ? 16 : 60, familyLogQ(q)), `laplace d=${dim} X²`);
    const logMass = logMassOnGrid(q, dim === 2 ? { x: [-15, 15], y: [-15, 15] } : { x: [-15, 15] }, dim === 2 ? 601 : 6001);
    note(`laplace d=${dim} log ∫q`, logMass);
    expect(Math.abs(logMass)).toBeLessThan(2e-3);
    q.dispose();
  });

  it('entropy Σ(1 + log 2bᵢ) equals the Monte Carlo −E[log q]', () => {
    const { q, b } = randomLaplace(dim, 40 + dim);
    const n = 50_000;
    const [h, logq] = tf.tidy(() => [q.entropy()!.dataSync()[0], q.logQ!(q.sample(tf.tensor2d(epsData(n, dim, 5), [n, dim]))).dataSync()]);
    expect(h).toBeCloseTo(
      b.reduce((s, bi) => s + 1 + Math.log(2 * bi), 0),
      5,
    );
    const mc = meanAndStdErr(Array.from(logq, (v) => -v));
    note(`laplace d=${dim} entropy`, { closed: h, mc: mc.mean, se: mc.stdErr });
    expect(Math.abs(mc.mean - h)).toBeLessThan(4 * mc.stdErr);
    q.dispose();
  });

  it('frees its tensors and does not grow over repeated use', () => {
    expectNoLeaks(() => laplaceMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, {}));
  });
});

describe('Laplace inverse-CDF sampling', () => {
  const q = laplaceMaker.create(tf, 1, { mean: [0], scale: Math.SQRT2 }, {}); // b = 1
  afterAll(() => q.dispose());

  it('matches the Laplace CDF in 40 equiprobable bins, and the test rejects a 10% wrong scale', () => {
    const n = 40_000;
    const z = samplesOf(q, n, 6);
    const bins = 40;
    const counts = new Array<number>(bins).fill(0);
    const wrong = new Array<number>(bins).fill(0);
    for (const v of z) {
      counts[Math.min(bins - 1, Math.floor(laplaceCdf(v, 0, 1) * bins))]++;
      wrong[Math.min(bins - 1, Math.floor(laplaceCdf(v, 0, 1.1) * bins))]++;
    }
    const fit = chiSquare(counts, new Array<number>(bins).fill(n / bins));
    const bad = chiSquare(wrong, new Array<number>(bins).fill(n / bins));
    note('laplace CDF X² (right b, 10% wrong b)', [fit.stat, bad.stat, fit.dof]);
    expectFits(fit);
    expect(bad.stat).toBeGreaterThan(fit.dof + 10 * Math.sqrt(2 * fit.dof));
  });

  it('stays finite for ε deep in the float32 tail (log erfc, not log(1 − erf))', () => {
    const z = tf.tidy(() => q.sample(tf.tensor2d([[-9], [-6], [0], [6], [9]])).dataSync());
    expect(Array.from(z).every(Number.isFinite)).toBe(true);
    // F⁻¹(Φ(9)) = −log(2(1 − Φ(9))) = −log erfc(9/√2) ≈ 42.85 (erfc by its asymptotic series)
    const x = 9 / Math.SQRT2;
    const logErfc = -x * x - Math.log(x * Math.sqrt(Math.PI)) + Math.log(1 - 1 / (2 * x * x) + 3 / (4 * x ** 4));
    expect(z[4]).toBeCloseTo(-logErfc, 3);
    expect(z[0]).toBeCloseTo(logErfc, 3);
    expect(z[2]).toBe(0);
  });
});
