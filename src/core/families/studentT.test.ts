import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { meanAndStdErr, sampleMoments, studentTLogPdf } from '../testing/independentMath';
import { tf } from '../tf';
import { studentTMaker } from './studentT.make';
import { binnedFit, epsData, expectFits, expectNoLeaks, familyLogQ, logMassOnGrid, note, samplesOf } from './testKit';
import type { VariationalFamily } from './types';

type Matrix = number[][];

/** A Student-t q with random μ and L written into [μ, off-diagonal, log diag]. */
function randomT(dim: number, nu: number, seed: number): { q: VariationalFamily; mu: number[]; S: Matrix } {
  const u = uniformStream(seed);
  const mu = Array.from({ length: dim }, () => Math.fround(-1 + 2 * u()));
  const off = Array.from({ length: dim }, () => Array.from({ length: dim }, () => Math.fround(-0.6 + 1.2 * u())));
  const logDiag = Array.from({ length: dim }, () => Math.fround(Math.log(0.4 + 0.6 * u())));
  const q = studentTMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, { nu });
  const [mv, ov, dv] = q.variables;
  tf.tidy(() => {
    mv.assign(tf.tensor1d(mu));
    ov.assign(tf.tensor2d(off));
    dv.assign(tf.tensor1d(logDiag));
  });
  const L = off.map((row, i) => row.map((v, j) => (j < i ? v : j === i ? Math.exp(logDiag[i]) : 0)));
  return { q, mu, S: L.map((ri) => L.map((rj) => ri.reduce((s, v, k) => s + v * rj[k], 0))) };
}

const box = (dim: number, r: number) => (dim === 2 ? { x: [-r, r] as const, y: [-r, r] as const } : { x: [-r, r] as const });

describe.each([1, 2])('Student-t, d = %i', (dim) => {
  it.each([1, 5])('logQ matches the textbook multivariate t density (ν = %i)', (nu) => {
    const { q, mu, S } = randomT(dim, nu, 10 + dim);
    const pts = Float32Array.from({ length: 100 * dim }, (_, i) => -8 + (16 * ((i * 7919) % 1000)) / 1000);
    const got = familyLogQ(q)(pts);
    for (let i = 0; i < 100; i++) {
      const want = studentTLogPdf(Array.from(pts.subarray(i * dim, (i + 1) * dim)), mu, S, nu);
      expect(Math.abs(got[i] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
    q.dispose();
  });

  it('draws the χ² variate deterministically from ε: same ε, same z; other ε, other z', () => {
    const { q } = randomT(dim, 5, 20 + dim);
    const a = samplesOf(q, 64, 1);
    expect(Array.from(samplesOf(q, 64, 1))).toEqual(Array.from(a));
    const b = samplesOf(q, 64, 2);
    expect(a.some((v, i) => v !== b[i])).toBe(true);
    q.dispose();
  });

  it('moments() = (μ, ν/(ν−2)·LLᵀ) agree with 40 000 samples (ν = 10)', () => {
    const nu = 10;
    const { q, mu, S } = randomT(dim, nu, 30 + dim);
    const m = q.moments();
    for (let a = 0; a < dim; a++) {
      expect(m.mean[a]).toBeCloseTo(mu[a], 5);
      for (let b = 0; b < dim; b++) expect(m.cov[a][b]).toBeCloseTo((nu / (nu - 2)) * S[a][b], 5);
    }
    const s = sampleMoments(samplesOf(q, 40_000, 3), dim);
    note(`student-t d=${dim} sample vs closed-form cov`, { sample: s.cov, closed: m.cov });
    for (let a = 0; a < dim; a++) {
      expect(Math.abs(s.mean[a] - m.mean[a])).toBeLessThan(4 * Math.sqrt(m.cov[a][a] / 40_000));
      for (let b = 0; b < dim; b++) expect(Math.abs(s.cov[a][b] - m.cov[a][b])).toBeLessThan(0.05 * Math.sqrt(m.cov[a][a] * m.cov[b][b]));
    }
    q.dispose();
  });

  it('samples fit exp(logQ) binned (ν = 3, heavy tails), and exp(logQ) integrates to 1', () => {
    const { q } = randomT(dim, 3, 40 + dim);
    expectFits(binnedFit(samplesOf(q, 20_000, 4), dim as 1 | 2, box(dim, 6), dim === 2 ? 16 : 60, familyLogQ(q)), `student-t d=${dim} X²`);
    const logMass = logMassOnGrid(q, box(dim, 60), dim === 2 ? 601 : 6001);
    note(`student-t d=${dim} log ∫q`, logMass);
    expect(Math.abs(logMass)).toBeLessThan(2e-3);
    q.dispose();
  });

  it('entropy in closed form equals the Monte Carlo −E[log q]', () => {
    const { q } = randomT(dim, 4, 50 + dim);
    const n = 50_000;
    const [h, logq] = tf.tidy(() => {
      const eps = tf.tensor2d(epsData(n, dim, 5), [n, dim]);
      return [q.entropy()!.dataSync()[0], q.logQ!(q.sample(eps)).dataSync()];
    });
    const mc = meanAndStdErr(Array.from(logq, (v) => -v));
    note(`student-t d=${dim} entropy`, { closed: h, mc: mc.mean, se: mc.stdErr });
    expect(Math.abs(mc.mean - h)).toBeLessThan(4 * mc.stdErr);
    q.dispose();
  });

  it('frees its tensors and does not grow over repeated use', () => {
    expectNoLeaks(() => studentTMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0), scale: 1 }, { nu: 5 }));
  });
});

describe('Student-t with ν ≤ 2', () => {
  it('reports the (finite) scale matrix as its covariance, since the variance is infinite', () => {
    const q = studentTMaker.create(tf, 2, { mean: [0, 0], scale: 0.5 }, { nu: 1 });
    expect(q.moments().cov).toEqual([
      [0.25, 0],
      [0, 0.25],
    ]);
    q.dispose();
  });
});
