import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import { NormalStream, uniformStream } from '../random';
import { bivariateLogPdf } from '../testing/independentMath';
import { tf } from '../tf';
import { banana as bananaInfo } from './banana';
import { targetSpec } from './resolveSpec';

const target = targetSpec(bananaInfo);

type Params = Record<string, number>;

const U_MEAN = [0, 4];
const U_COV = [
  [1, 0.5],
  [0.5, 1],
];

/**
 * docs/targets.md#banana: u = (x/a, a·y + a·b·(x² + a²)),
 * log p̃ = log N(u; (0, 4), [[1, .5], [.5, 1]]).
 * The Jacobian of θ → u is triangular with diagonal (1/a, a), so log|det J| = 0 and nothing is added.
 */
function referenceLogDensity(x: number, y: number, p: Params): number {
  const u = [x / p.a, p.a * y + p.a * p.b * (x * x + p.a * p.a)];
  return bivariateLogPdf(u, U_MEAN, U_COV);
}

function logDensityAt(points: Float32Array, p: Params): Float32Array {
  return tf.tidy(() => target.logDensity(tf, tf.tensor2d(points, [points.length / 2, 2]), p).dataSync() as Float32Array);
}

function field(p: Params) {
  const grid = makeGrid(target.domain(p), 2);
  return quadratureLogZ(logDensityAt(grid.points, p), grid);
}

/**
 * Fraction of banana draws inside [−6, 6]², by sampling u ~ N((0, 4), [[1, .5], [.5, 1]]) and
 * inverting the map: x = a·u₁, y = (u₂ − a·b·(x² + a²))/a. Independent of the grid entirely.
 */
function monteCarloBoxMass(p: Params, n: number, seed: number): { mass: number; stdErr: number } {
  const normal = new NormalStream(seed);
  const c = Math.sqrt(1 - 0.25); // Cholesky of [[1, .5], [.5, 1]]: [[1, 0], [.5, √.75]]
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const e1 = normal.next();
    const e2 = normal.next();
    const u1 = e1;
    const u2 = 4 + 0.5 * e1 + c * e2;
    const x = p.a * u1;
    const y = (u2 - p.a * p.b * (x * x + p.a * p.a)) / p.a;
    if (x >= -6 && x <= 6 && y >= -6 && y <= 6) inside++;
  }
  const mass = inside / n;
  return { mass, stdErr: Math.sqrt((mass * (1 - mass)) / n) };
}

describe('banana log density', () => {
  it('matches log N(u(θ); (0, 4), Σ) computed through the u-map at random points and parameters', () => {
    const u = uniformStream(23);
    const paramSets: Params[] = [
      { a: 2, b: 0.2 },
      { a: 1, b: 0 },
      { a: 2.5, b: 0.4 },
    ];
    for (let k = 0; k < 5; k++) paramSets.push({ a: 1 + 1.5 * u(), b: 0.4 * u() });
    for (const p of paramSets) {
      const points = new Float32Array(2 * 200);
      for (let i = 0; i < points.length; i++) points[i] = -6 + 12 * u();
      const got = logDensityAt(points, p);
      for (let i = 0; i < 200; i++) {
        const want = referenceLogDensity(points[2 * i], points[2 * i + 1], p);
        expect(Math.abs(got[i] - want), `at ${points[2 * i]}, ${points[2 * i + 1]} with ${JSON.stringify(p)}`).toBeLessThan(
          1e-4 * Math.max(1, Math.abs(want)),
        );
      }
    }
  });

  it('is normalised on ℝ² (exact log Z = 0)', () => {
    expect(target.exact!({ a: 2, b: 0.2 }).logZ).toBe(0);
  });
});

describe('banana mass on the plot domain', () => {
  it.each([
    { a: 2, b: 0.2, seed: 1 },
    { a: 2.5, b: 0.4, seed: 2 },
    { a: 1, b: 0, seed: 3 },
  ])('quadrature log Z matches the Monte Carlo log mass inside [−6, 6]² for a=$a, b=$b', ({ a, b, seed }) => {
    const p = { a, b };
    const { logZ, edgeMass } = field(p);
    const mc = monteCarloBoxMass(p, 1_000_000, seed);
    // log of a binomial proportion: standard error ≈ se(mass)/mass; allow 4 of them
    expect(Math.abs(logZ - Math.log(mc.mass))).toBeLessThan((4 * mc.stdErr) / mc.mass);
    expect(edgeMass).toBeLessThan(0.01);
  });

  it('at the defaults almost all the mass is inside and little of it on the edge', () => {
    const { logZ, edgeMass } = field({ a: 2, b: 0.2 });
    expect(logZ).toBeLessThan(0);
    expect(logZ).toBeGreaterThan(-0.01);
    expect(edgeMass).toBeLessThan(1e-3);
  });
});
