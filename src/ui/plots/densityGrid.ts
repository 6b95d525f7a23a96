import { contours, type ContourMultiPolygon } from 'd3';

/**
 * Pure helpers that turn grid values into contour geometry (d3 computes, React draws).
 * Grids are row-major, y outer and x inner, as the engine sends them.
 */

/** exp(logf − shift) into a fresh array; shift keeps values in float range. */
export function expGrid(logf: ArrayLike<number>, shift: number): Float64Array {
  const out = new Float64Array(logf.length);
  for (let i = 0; i < logf.length; i++) out[i] = Math.exp(logf[i] - shift);
  return out;
}

/**
 * Density levels enclosing the given probability masses (highest-density regions). For a
 * Gaussian, masses 0.393, 0.865, 0.989 are its 1σ, 2σ, 3σ ellipses; the same rule works for any q.
 */
export function hdrLevels(density: Float64Array, cellWeights: ArrayLike<number>, masses: readonly number[]): number[] {
  const order = Array.from(density.keys()).sort((a, b) => density[b] - density[a]);
  let total = 0;
  for (let i = 0; i < density.length; i++) total += density[i] * cellWeights[i];
  const levels: number[] = [];
  let acc = 0;
  let m = 0;
  for (const k of order) {
    acc += density[k] * cellWeights[k];
    while (m < masses.length && acc >= masses[m] * total) {
      levels.push(density[k]);
      m++;
    }
    if (m === masses.length) break;
  }
  return levels;
}

export function contourPolygons(values: Float64Array, nx: number, ny: number, thresholds: number[]): ContourMultiPolygon[] {
  return contours().size([nx, ny]).thresholds(thresholds)(Array.from(values));
}

/** Uniform cell weights for a regular grid (HDR levels only need relative weights). */
export function uniformWeights(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}
