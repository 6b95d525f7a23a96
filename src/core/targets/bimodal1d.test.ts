import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { gridMoments, quadratureLogZ } from '../exact/quadrature';
import { uniformStream } from '../random';
import { normalInterval, normalPdf } from '../testing/independentMath';
import { tf } from '../tf';
import { bimodal1d as bimodal1dInfo } from './bimodal1d';
import { targetSpec } from './resolveSpec';

const target = targetSpec(bimodal1dInfo);

type Params = Record<string, number>;

/** log(w·N(x; −d, 1) + (1 − w)·N(x; d, 1)), in float64 (no underflow on the domain [−10, 10]). */
function referenceLogDensity(x: number, p: Params): number {
  return Math.log(p.weight * normalPdf(x, -p.separation, 1) + (1 - p.weight) * normalPdf(x, p.separation, 1));
}

function logDensityAt(points: Float32Array, p: Params): Float32Array {
  return tf.tidy(() => target.logDensity(tf, tf.tensor2d(points, [points.length, 1]), p).dataSync() as Float32Array);
}

function field(p: Params) {
  const grid = makeGrid(target.domain(p), 1);
  const logp = logDensityAt(grid.points, p);
  return { grid, logp, ...quadratureLogZ(logp, grid) };
}

describe('bimodal-1d log density', () => {
  it('matches the log of a sum of two normal pdfs at random points and parameters', () => {
    const u = uniformStream(5);
    const paramSets: Params[] = [
      { weight: 0.5, separation: 3 },
      { weight: 0.05, separation: 5 },
      { weight: 0.95, separation: 0 },
    ];
    for (let k = 0; k < 5; k++) paramSets.push({ weight: 0.05 + 0.9 * u(), separation: 5 * u() });
    for (const p of paramSets) {
      const points = new Float32Array(300);
      for (let i = 0; i < points.length; i++) points[i] = -10 + 20 * u();
      const got = logDensityAt(points, p);
      for (let i = 0; i < points.length; i++) {
        const want = referenceLogDensity(points[i], p);
        expect(Math.abs(got[i] - want), `at ${points[i]} with ${JSON.stringify(p)}`).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(want)),
        );
      }
    }
  });
});

describe('bimodal-1d mass on the plot domain', () => {
  it.each([
    { weight: 0.5, separation: 3 },
    { weight: 0.2, separation: 5 },
    { weight: 0.9, separation: 0.5 },
  ])('quadrature log Z equals the log of the mass in [−10, 10] for w=$weight, d=$separation', (p) => {
    const d = p.separation;
    const mass = p.weight * normalInterval(-10, 10, -d, 1) + (1 - p.weight) * normalInterval(-10, 10, d, 1);
    const { logZ, edgeMass } = field(p);
    expect(Math.abs(logZ - Math.log(mass))).toBeLessThan(1e-6);
    expect(edgeMass).toBeLessThan(1e-5);
  });

  it('states exact mean and variance that the grid moments confirm', () => {
    const p = { weight: 0.3, separation: 2.5 };
    const exact = target.exact!(p);
    // mixture moments: mean = (1 − 2w)d, E[x²] = 1 + d²
    expect(exact.mean![0]).toBeCloseTo((1 - 2 * p.weight) * p.separation, 12);
    expect(exact.cov![0][0]).toBeCloseTo(1 + p.separation ** 2 - ((1 - 2 * p.weight) * p.separation) ** 2, 12);
    const { grid, logp, logZ } = field(p);
    const mom = gridMoments(logp, logZ, grid);
    expect(mom.mean[0]).toBeCloseTo(exact.mean![0], 5);
    expect(mom.cov[0][0]).toBeCloseTo(exact.cov![0][0], 4);
  });
});
