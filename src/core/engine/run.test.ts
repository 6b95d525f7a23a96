import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import type { RunConfig } from '../config';
import { gaussianKl, normalInterval, normalPdf } from '../testing/independentMath';
import { Run } from './run';
import type { Snapshot } from './snapshot';

type Matrix = number[][];

function config(familyId: string, params: Record<string, number>, seed = 1): RunConfig {
  const c = defaultConfig('correlated-gaussian', familyId);
  return { ...c, target: { ...c.target, params }, seed };
}

/** Adam at 0.05 to get there, then smaller steps so q stops jittering around the optimum. */
function fitInStages(run: Run, c: RunConfig): Snapshot {
  const schedule: [number, number][] = [
    [0.05, 1000],
    [0.01, 500],
    [0.002, 500],
  ];
  for (const [lr, steps] of schedule) {
    expect(run.update({ ...c, lr })).toBe(true);
    run.run(steps);
  }
  return run.snapshot();
}

const targetCov = (p: Record<string, number>): Matrix => [
  [p.sd1 * p.sd1, p.rho * p.sd1 * p.sd2],
  [p.rho * p.sd1 * p.sd2, p.sd2 * p.sd2],
];

/** The identity we teach: log Z = ELBO + KL(q‖p), up to the ELBO's Monte Carlo error. */
function expectGapIsKl(s: Snapshot): void {
  expect(Math.abs(s.elbo! + s.klQP! - s.logZ)).toBeLessThan(4 * s.elboStdErr! + 1e-4);
}

describe('public check 1: Gaussian target, full-rank q', () => {
  const p = { rho: 0.7, sd1: 1.2, sd2: 0.8 };
  const sigma = targetCov(p);

  it('drives KL(q‖p) below 0.01 and matches the target mean and covariance', () => {
    const c = config('full-rank', p);
    const run = new Run(c);
    const start = run.snapshot();
    // before fitting: grid KL against the closed-form Gaussian KL of q's moments (independent formula)
    expect(start.klQP!).toBeGreaterThan(0.5);
    expect(Math.abs(start.klQP! - gaussianKl(start.mean, start.cov, [0, 0], sigma))).toBeLessThan(1e-4 * start.klQP!);
    expect(Math.abs(start.klPQ! - gaussianKl([0, 0], sigma, start.mean, start.cov))).toBeLessThan(1e-4 * start.klPQ!);
    expectGapIsKl(start);

    const end = fitInStages(run, c);
    expect(end.step).toBe(2000);
    expect(end.klQP!).toBeLessThan(0.01);
    expect(end.klQP!).toBeGreaterThanOrEqual(0);
    expect(Math.abs(end.klQP! - gaussianKl(end.mean, end.cov, [0, 0], sigma))).toBeLessThan(2e-5);
    expect(Math.abs(end.logZ)).toBeLessThan(1e-5); // all of N(0, Σ) is inside [−6, 6]²
    expect(end.qMassInside!).toBeCloseTo(1, 4);
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(end.mean[a])).toBeLessThan(0.05);
      for (let b = 0; b < 2; b++) expect(Math.abs(end.cov[a][b] - sigma[a][b])).toBeLessThan(0.08);
    }
    expectGapIsKl(end);
    run.dispose();
  });
});

describe('public check 2: PRML §10.1.2, mean-field q on a correlated Gaussian', () => {
  // The forward-KL half of this check (its optimum has variances Σᵢᵢ = 1) waits for the
  // forward-KL objective, which core does not implement yet.
  const rho = 0.9;
  const p = { rho, sd1: 1, sd2: 1 };
  const sigma = targetCov(p);

  it('reverse KL: means → 0, variances → 1 − ρ², KL → −½ log(1 − ρ²)', () => {
    const c = config('mean-field', p);
    const run = new Run(c);
    const end = fitInStages(run, c);
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(end.mean[a])).toBeLessThan(0.05);
      expect(Math.abs(end.cov[a][a] - (1 - rho * rho))).toBeLessThan(0.02);
    }
    expect(end.cov[0][1]).toBe(0);
    expect(Math.abs(end.klQP! - -0.5 * Math.log(1 - rho * rho))).toBeLessThan(0.02);
    // the grid KLs against the closed-form Gaussian KLs of q's moments, both directions
    expect(Math.abs(end.klQP! - gaussianKl(end.mean, end.cov, [0, 0], sigma))).toBeLessThan(1e-4);
    expect(Math.abs(end.klPQ! - gaussianKl([0, 0], sigma, end.mean, end.cov))).toBeLessThan(1e-4);
    expectGapIsKl(end);
    run.dispose();
  });
});

describe('Run bookkeeping', () => {
  it('reproduces the same trajectory from the same seed, however often frames are taken', () => {
    const c = config('full-rank', { rho: 0.5, sd1: 1, sd2: 1 }, 9);
    const a = new Run(c);
    const b = new Run(c); // two live Runs at once (compare mode)
    a.run(100);
    b.run(30);
    b.snapshot();
    b.run(70);
    expect(b.step).toBe(100);
    expect(b.snapshot().params).toEqual(a.snapshot().params);
    const other = new Run({ ...c, seed: 10 });
    other.run(100);
    expect(other.snapshot().params).not.toEqual(a.snapshot().params);
    for (const r of [a, b, other]) r.dispose();
  });

  it('applies live changes in place and asks for a fresh Run for structural ones', () => {
    const c = config('mean-field', { rho: 0.5, sd1: 1, sd2: 1 });
    const run = new Run(c);
    const field = run.field;
    expect(run.update({ ...c, lr: 0.1 })).toBe(true);
    expect(run.field).toBe(field);
    const moved = { ...c, target: { ...c.target, params: { rho: 0.5, sd1: 1.5, sd2: 1 } } };
    expect(run.update(moved)).toBe(true);
    expect(run.field.version).toBeGreaterThan(field.version);
    // the field's moments are those of p on the box: σ₁ = 1.5 truncated at ±4σ₁ has variance
    // σ₁²(1 − 2·4φ(4)/(Φ(4) − Φ(−4))) ≈ 2.2476, not 2.25
    const truncatedVar = 2.25 * (1 - (8 * normalPdf(4, 0, 1)) / normalInterval(-4, 4));
    expect(Math.abs(run.field.cov[0][0] - truncatedVar)).toBeLessThan(1e-4);
    expect(run.field.exact.cov?.[0][0]).toBe(2.25);
    expect(run.update({ ...c, family: { id: 'full-rank', options: {} } })).toBe(false);
    expect(run.update({ ...c, seed: 2 })).toBe(false);
    expect(run.update({ ...c, optimizer: 'sgd' })).toBe(false);
    run.dispose();
  });
});
