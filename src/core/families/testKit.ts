// Shared checks for the family tests (imported by *.test.ts only, never by the app).
import { expect } from 'vitest';
import { makeGrid } from '../exact/grid';
import { logIntegral } from '../exact/quadrature';
import { NormalStream } from '../random';
import { chiSquare } from '../testing/independentMath';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import type { Domain } from '../targets/types';
import type { VariationalFamily } from './types';

export function epsData(n: number, dim: number, seed: number): Float32Array {
  return new NormalStream(seed).fill(new Float32Array(n * dim));
}

/** q.sample(ε) for n fresh standard normals, read back. */
export function samplesOf(q: VariationalFamily, n: number, seed: number): Float32Array {
  return tf.tidy(() => q.sample(tf.tensor2d(epsData(n, q.dim, seed), [n, q.dim])).dataSync() as Float32Array);
}

/** log q at many points [m, dim] through the family's own logQ. */
export function familyLogQ(q: VariationalFamily): (points: Float32Array) => Float64Array {
  return (points) => Float64Array.from(tf.tidy(() => q.logQ!(tf.tensor2d(points, [points.length / q.dim, q.dim])).dataSync()));
}

/**
 * Binned goodness of fit of samples against a density: the box is cut into `bins` per axis,
 * each bin's probability is ∫ exp(log q) by the midpoint rule on sub×sub points, and the
 * mass outside the box is a bin of its own. Returns Pearson's X² with its degrees of freedom.
 */
export function binnedFit(
  samples: ArrayLike<number>,
  dim: 1 | 2,
  box: Domain,
  bins: number,
  logDensity: (points: Float32Array) => ArrayLike<number>,
  sub = 8,
): { stat: number; dof: number; insideMass: number } {
  const n = samples.length / dim;
  const ny = dim === 2 ? bins : 1;
  const [x0, x1] = box.x;
  const [y0, y1] = box.y ?? [0, 0];
  const hx = (x1 - x0) / bins;
  const hy = dim === 2 ? (y1 - y0) / bins : 1;
  const counts = new Float64Array(bins * ny + 1);
  for (let i = 0; i < n; i++) {
    const bx = Math.floor((samples[i * dim] - x0) / hx);
    const by = dim === 2 ? Math.floor((samples[i * dim + 1] - y0) / hy) : 0;
    const inside = bx >= 0 && bx < bins && by >= 0 && by < ny;
    counts[inside ? by * bins + bx : bins * ny]++;
  }
  const sx = bins * sub;
  const sy = dim === 2 ? bins * sub : 1;
  const pts = new Float32Array(sx * sy * dim);
  for (let j = 0; j < sy; j++) {
    for (let i = 0; i < sx; i++) {
      pts[(j * sx + i) * dim] = x0 + ((i + 0.5) * hx) / sub;
      if (dim === 2) pts[(j * sx + i) * dim + 1] = y0 + ((j + 0.5) * hy) / sub;
    }
  }
  const logq = logDensity(pts);
  const probs = new Float64Array(bins * ny + 1);
  const cell = (hx / sub) * (dim === 2 ? hy / sub : 1);
  for (let j = 0; j < sy; j++) {
    for (let i = 0; i < sx; i++) probs[Math.floor(j / sub) * bins + Math.floor(i / sub)] += cell * Math.exp(logq[j * sx + i]);
  }
  const insideMass = probs.reduce((s, p) => s + p, 0);
  probs[bins * ny] = Math.max(0, 1 - insideMass);
  return { ...chiSquare(counts, Array.from(probs, (p) => p * n)), insideMass };
}

/** The box holding the central 99.8% of the samples on each axis, whatever scale q has. */
export function centralBox(samples: ArrayLike<number>, dim: number): Domain {
  const n = samples.length / dim;
  const range = (a: number): [number, number] => {
    const v = Array.from({ length: n }, (_, i) => samples[i * dim + a]).sort((x, y) => x - y);
    return [v[Math.floor(0.001 * n)], v[Math.ceil(0.999 * n) - 1]];
  };
  return dim === 2 ? { x: range(0), y: range(1) } : { x: range(0) };
}

/** Prints a measured value when VI_TEST_VERBOSE is set (for reports), silent otherwise. */
export function note(label: string, value: unknown): void {
  if (process.env.VI_TEST_VERBOSE) console.log(`[measured] ${label}: ${JSON.stringify(value)}`);
}

/** X² within four standard deviations of its null mean (dof, sd √(2·dof)). */
export function expectFits(fit: { stat: number; dof: number }, label = 'X²'): void {
  note(label, { stat: +fit.stat.toFixed(1), dof: fit.dof });
  expect(fit.dof).toBeGreaterThan(10);
  expect(fit.stat).toBeLessThan(fit.dof + 4 * Math.sqrt(2 * fit.dof));
}

/** log ∫ exp(log q) over a box by the trapezoid grid of src/core/exact. */
export function logMassOnGrid(q: VariationalFamily, domain: Domain, resolution: number): number {
  const grid = makeGrid(domain, q.dim as 1 | 2, resolution);
  return logIntegral(familyLogQ(q)(grid.points), grid);
}

/**
 * Every verb the run uses, repeated: the tensor count must not grow after the first round
 * (which may cache), and dispose() must bring it back to where it was before create.
 */
export function expectNoLeaks(create: () => VariationalFamily, n = 16): void {
  const before = tf.memory().numTensors;
  const q = create();
  const round = () => {
    tf.tidy(() => {
      const eps = tf.tensor2d(epsData(n, q.dim, 3), [n, q.dim]) as Tensor2D;
      const batch = q.draw(eps);
      const z = q.sample(eps);
      q.logQ?.(z);
      q.logQ?.(z, true);
      q.entropy();
      return batch.z;
    }).dispose();
    q.moments();
    q.params();
  };
  round();
  const warm = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) round();
  expect(tf.memory().numTensors).toBe(warm);
  q.dispose();
  expect(tf.memory().numTensors).toBe(before);
}
