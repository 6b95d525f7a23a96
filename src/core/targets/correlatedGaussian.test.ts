import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { gridMoments, quadratureLogZ } from '../exact/quadrature';
import { uniformStream } from '../random';
import { bivariateLogPdf, normalInterval, normalPdf, simpson } from '../testing/independentMath';
import { tf } from '../tf';
import { correlatedGaussian as correlatedGaussianInfo } from './correlatedGaussian';
import { targetSpec } from './resolveSpec';

const target = targetSpec(correlatedGaussianInfo);

type Params = Record<string, number>;

const cov = (p: Params) => [
  [p.sd1 * p.sd1, p.rho * p.sd1 * p.sd2],
  [p.rho * p.sd1 * p.sd2, p.sd2 * p.sd2],
];

function logDensityAt(points: Float32Array, p: Params): Float32Array {
  return tf.tidy(() => target.logDensity(tf, tf.tensor2d(points, [points.length / 2, 2]), p).dataSync() as Float32Array);
}

/** log Z and edge mass of the target on its own plot grid (what a Run shows). */
function field(p: Params) {
  const grid = makeGrid(target.domain(p), 2);
  const logp = logDensityAt(grid.points, p);
  const { logZ, edgeMass } = quadratureLogZ(logp, grid);
  return { grid, logp, logZ, edgeMass };
}

/**
 * P(θ ∈ [−6, 6]²) for N(0, Σ): ∫ N(x; 0, σ₁²) · P(−6 < y < 6 | x) dx, with
 * y | x ~ N(ρσ₂x/σ₁, σ₂²(1 − ρ²)) (PRML eq. 2.81–2.82), by Simpson's rule.
 */
function boxMass(p: Params): number {
  const condSd = p.sd2 * Math.sqrt(1 - p.rho * p.rho);
  return simpson(
    (x) => normalPdf(x, 0, p.sd1) * normalInterval(-6, 6, (p.rho * p.sd2 * x) / p.sd1, condSd),
    -6,
    6,
    4000,
  );
}

describe('correlated-gaussian log density', () => {
  it('matches an explicit 2×2 inverse/determinant formula at random points and parameters', () => {
    const u = uniformStream(11);
    const paramSets: Params[] = [
      { rho: 0.8, sd1: 1, sd2: 1 },
      { rho: 0.99, sd1: 1.5, sd2: 0.3 },
      { rho: -0.99, sd1: 0.3, sd2: 0.3 },
      { rho: 0, sd1: 0.7, sd2: 1.2 },
    ];
    for (let k = 0; k < 6; k++) paramSets.push({ rho: -0.99 + 1.98 * u(), sd1: 0.3 + 1.2 * u(), sd2: 0.3 + 1.2 * u() });
    for (const p of paramSets) {
      const points = new Float32Array(2 * 200);
      for (let i = 0; i < points.length; i++) points[i] = -6 + 12 * u();
      const got = logDensityAt(points, p);
      for (let i = 0; i < 200; i++) {
        const want = bivariateLogPdf([points[2 * i], points[2 * i + 1]], [0, 0], cov(p));
        expect(Math.abs(got[i] - want), `at ${points[2 * i]}, ${points[2 * i + 1]} with ${JSON.stringify(p)}`).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(want)),
        );
      }
    }
  });

  it('states exact facts (log Z = 0 on ℝ², mean 0, covariance Σ) that the grid moments confirm', () => {
    const p = { rho: -0.6, sd1: 1.2, sd2: 0.8 };
    const exact = target.exact!(p);
    expect(exact.logZ).toBe(0);
    expect(exact.mean).toEqual([0, 0]);
    const { grid, logp, logZ } = field(p);
    const mom = gridMoments(logp, logZ, grid);
    for (let a = 0; a < 2; a++) {
      expect(mom.mean[a]).toBeCloseTo(0, 5);
      for (let b = 0; b < 2; b++) {
        expect(exact.cov![a][b]).toBeCloseTo(cov(p)[a][b], 12);
        expect(mom.cov[a][b]).toBeCloseTo(cov(p)[a][b], 4);
      }
    }
  });
});

describe('correlated-gaussian mass on the plot domain', () => {
  it('for ρ = 0, quadrature log Z equals the log of a product of 1D normal masses', () => {
    const p = { rho: 0, sd1: 1.5, sd2: 1.5 };
    const want = 2 * Math.log(normalInterval(-6, 6, 0, 1.5)); // ≈ −1.27e-4: visibly not 0
    const { logZ, edgeMass } = field(p);
    expect(want).toBeLessThan(-1e-4);
    expect(Math.abs(logZ - want)).toBeLessThan(5e-6);
    expect(edgeMass).toBeLessThan(1e-3);
  });

  it.each([
    { rho: 0.6, sd1: 1.5, sd2: 1.3 },
    { rho: -0.95, sd1: 1.5, sd2: 1.5 },
    { rho: 0.8, sd1: 1, sd2: 1 },
  ])('quadrature log Z equals the log of the box mass for ρ=$rho, σ=($sd1, $sd2)', (p) => {
    const want = Math.log(boxMass(p));
    const { logZ, edgeMass } = field(p);
    expect(Math.abs(logZ - want)).toBeLessThan(5e-6);
    expect(edgeMass).toBeLessThan(1e-3);
  });
});
