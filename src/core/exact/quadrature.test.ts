import { describe, expect, it } from 'vitest';
import { bivariateLogPdf, gaussianKl, normalInterval, normalLogPdf } from '../testing/independentMath';
import { makeGrid } from './grid';
import type { Grid } from './grid';
import { gridMoments, klPQ, klQP, logIntegral, quadratureLogZ } from './quadrature';

type Matrix = number[][];

/** Evaluate a plain-JS log density at every grid point (float64, so only the quadrature is tested). */
function onGrid(grid: Grid, logf: (p: number[]) => number): Float64Array {
  const n = grid.points.length / grid.dim;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = logf(Array.from(grid.points.subarray(i * grid.dim, (i + 1) * grid.dim)));
  return out;
}

describe('1D quadrature', () => {
  const grid = makeGrid({ x: [-10, 10] }, 1);

  it('integrates an unnormalised Gaussian to its known log Z, and reports a small edge mass', () => {
    const shift = 3.7; // log Z of exp(shift)·N(1, 1.3²)
    const logp = onGrid(grid, ([x]) => normalLogPdf(x, 1, 1.3) + shift);
    const { logZ, edgeMass } = quadratureLogZ(logp, grid);
    expect(logZ).toBeCloseTo(shift, 8);
    expect(edgeMass).toBeLessThan(1e-8);
  });

  it('gives the log of the mass inside the domain when p spills over the edge, with a large edge mass', () => {
    const trunc = makeGrid({ x: [-6, 6] }, 1);
    const logp = onGrid(trunc, ([x]) => normalLogPdf(x, 5, 1));
    const { logZ, edgeMass } = quadratureLogZ(logp, trunc);
    // ∫_{-6}^{6} N(x; 5, 1) dx = Φ(1) − Φ(−11) ≈ 0.8413
    // (trapezoid error h²/12·(f′(b) − f′(a)) ≈ 6e-6 here, since p is not small at x = 6)
    expect(logZ).toBeCloseTo(Math.log(normalInterval(-6, 6, 5, 1)), 4);
    expect(logZ).toBeLessThan(-0.1);
    expect(edgeMass).toBeGreaterThan(0.01);
  });

  it('logIntegral is stable for very negative log densities', () => {
    const logf = onGrid(grid, ([x]) => normalLogPdf(x, 0, 2) - 2000);
    expect(logIntegral(logf, grid)).toBeCloseTo(-2000, 5);
    expect(logIntegral(new Float64Array(grid.weights.length).fill(-Infinity), grid)).toBe(-Infinity);
  });

  it.each([
    { m0: 0.5, s0: 0.7, m1: -1, s1: 1.6 },
    { m0: -2, s0: 1.5, m1: 1, s1: 0.8 },
    { m0: 0, s0: 1, m1: 0, s1: 1 },
  ])('KL between N($m0, $s0²) and N($m1, $s1²) matches the closed form both ways', ({ m0, s0, m1, s1 }) => {
    const shift = -1.25;
    const logq = onGrid(grid, ([x]) => normalLogPdf(x, m0, s0));
    const logp = onGrid(grid, ([x]) => normalLogPdf(x, m1, s1) + shift);
    const { logZ } = quadratureLogZ(logp, grid);
    const qp = klQP(logq, logp, logZ, grid);
    // grid nodes are float32, so agreement is to ~1e-6 relative, not to float64 precision
    expect(qp.kl).toBeCloseTo(gaussianKl([m0], [[s0 * s0]], [m1], [[s1 * s1]]), 4);
    expect(qp.qMassInside).toBeCloseTo(1, 6);
    expect(klPQ(logp, logq, logZ, grid)).toBeCloseTo(gaussianKl([m1], [[s1 * s1]], [m0], [[s0 * s0]]), 4);
  });

  it('gridMoments returns the mean and variance of the normalised density', () => {
    const logp = onGrid(grid, ([x]) => normalLogPdf(x, -0.8, 1.4) + 10);
    const { logZ } = quadratureLogZ(logp, grid);
    const { mean, cov } = gridMoments(logp, logZ, grid);
    expect(mean[0]).toBeCloseTo(-0.8, 6);
    expect(cov[0][0]).toBeCloseTo(1.96, 5);
  });
});

describe('2D quadrature', () => {
  const grid = makeGrid({ x: [-6, 6], y: [-6, 6] }, 2);
  const cases: { name: string; m0: number[]; S0: Matrix; m1: number[]; S1: Matrix }[] = [
    {
      name: 'tilted q against a wider tilted p',
      m0: [0.3, -0.2],
      S0: [
        [0.5, 0.2],
        [0.2, 0.4],
      ],
      m1: [0, 0.5],
      S1: [
        [1.44, 0.672],
        [0.672, 0.64],
      ],
    },
    {
      name: 'axis-aligned narrow q against a strongly correlated p (the PRML picture)',
      m0: [0, 0],
      S0: [
        [0.19, 0],
        [0, 0.19],
      ],
      m1: [0, 0],
      S1: [
        [1, 0.9],
        [0.9, 1],
      ],
    },
  ];

  it.each(cases)('$name: KL(q‖p) and KL(p‖q) match the closed form', ({ m0, S0, m1, S1 }) => {
    const shift = 2.5;
    const logq = onGrid(grid, (p) => bivariateLogPdf(p, m0, S0));
    const logp = onGrid(grid, (p) => bivariateLogPdf(p, m1, S1) + shift);
    const { logZ, edgeMass } = quadratureLogZ(logp, grid);
    expect(logZ).toBeCloseTo(shift, 5);
    expect(edgeMass).toBeLessThan(1e-6);
    const qp = klQP(logq, logp, logZ, grid);
    expect(qp.qMassInside).toBeCloseTo(1, 5);
    expect(qp.kl).toBeCloseTo(gaussianKl(m0, S0, m1, S1), 4);
    expect(klPQ(logp, logq, logZ, grid)).toBeCloseTo(gaussianKl(m1, S1, m0, S0), 4);
  });

  it('KL of a distribution with itself is zero', () => {
    const S: Matrix = [
      [0.8, -0.3],
      [-0.3, 0.6],
    ];
    const logq = onGrid(grid, (p) => bivariateLogPdf(p, [1, -1], S));
    const { logZ } = quadratureLogZ(logq, grid);
    expect(Math.abs(klQP(logq, logq, logZ, grid).kl)).toBeLessThan(1e-6);
    expect(Math.abs(klPQ(logq, logq, logZ, grid))).toBeLessThan(1e-6);
  });

  it('gridMoments returns the mean and covariance of the normalised density', () => {
    const m = [0.4, -0.7];
    const S: Matrix = [
      [1.2, 0.5],
      [0.5, 0.9],
    ];
    const logp = onGrid(grid, (p) => bivariateLogPdf(p, m, S) - 4);
    const { logZ } = quadratureLogZ(logp, grid);
    const mom = gridMoments(logp, logZ, grid);
    for (let a = 0; a < 2; a++) {
      expect(mom.mean[a]).toBeCloseTo(m[a], 5);
      for (let b = 0; b < 2; b++) expect(mom.cov[a][b]).toBeCloseTo(S[a][b], 4);
    }
  });
});
