// Test-only helpers shared by the target tests (imported by *.test.ts files only, never by the app).
import { expect } from 'vitest';
import { makeGrid } from '../exact/grid';
import type { Grid } from '../exact/grid';
import { gridMoments, quadratureLogZ } from '../exact/quadrature';
import { tf } from '../tf';
import type { Domain, TargetSpec } from './types';

export type Params = Record<string, number>;

/** log p̃ at a flat batch of points ([n, dim] row-major) through tfjs, read back. */
export function logDensityAt(target: TargetSpec, points: Float32Array, p: Params): Float32Array {
  const n = points.length / target.dim;
  return tf.tidy(() => target.logDensity(tf, tf.tensor2d(points, [n, target.dim]), p).dataSync() as Float32Array);
}

/** The target on its own plot grid, as a Run sees it: log Z, edge mass and moments. */
export function targetField(target: TargetSpec, p: Params) {
  const grid: Grid = makeGrid(target.domain(p), target.dim);
  const logp = logDensityAt(target, grid.points, p);
  const { logZ, edgeMass } = quadratureLogZ(logp, grid);
  return { grid, logp, logZ, edgeMass, ...gridMoments(logp, logZ, grid) };
}

/** n points drawn uniformly from a box (as float32, the precision tfjs computes in). */
export function randomPoints(u: () => number, n: number, box: Domain, dim: 1 | 2): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    out[i * dim] = box.x[0] + (box.x[1] - box.x[0]) * u();
    if (dim === 2 && box.y) out[i * dim + 1] = box.y[0] + (box.y[1] - box.y[0]) * u();
  }
  return out;
}

/**
 * Assert tfjs's log p̃ equals a float64 reference at every point, to float32 accuracy: an absolute
 * 1e-4 near 0 and a relative 1e-4 (about 1000 float32 ulps) for large values.
 */
export function expectMatchesReference(
  target: TargetSpec,
  p: Params,
  points: Float32Array,
  reference: (theta: number[]) => number,
  tolerance = 1e-4,
): void {
  const got = logDensityAt(target, points, p);
  const d = target.dim;
  for (let i = 0; i < got.length; i++) {
    const theta = Array.from(points.subarray(i * d, (i + 1) * d));
    const want = reference(theta);
    expect(Math.abs(got[i] - want), `${target.id} at (${theta.join(', ')}) with ${JSON.stringify(p)}: ${got[i]} vs ${want}`).toBeLessThan(
      tolerance * Math.max(1, Math.abs(want)),
    );
  }
}
