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

export function contourPolygons(values: Float64Array, nx: number, ny: number, thresholds: number[]): ContourMultiPolygon[] {
  return contours().size([nx, ny]).thresholds(thresholds)(Array.from(values));
}

/** How far below its peak (in nats) q's log density is resolved for its regions. */
const LOG_SPAN = 40;
const BINS = 2048;
/** exp(−(b + ½) · LOG_SPAN / BINS): the relative density of histogram bin b, computed once. */
const BIN_WEIGHT = Float64Array.from({ length: BINS }, (_, b) => Math.exp(-((b + 0.5) * LOG_SPAN) / BINS));

/**
 * Highest-density regions straight from a log density on a regular grid, in O(n) and without an
 * exp per point: a histogram of log q below its peak (bins of 0.02 nats) gives each level to
 * within a bin. Returns the log levels and a copy of log q floored just below the span, so
 * contours can be drawn on log q itself (the same iso-lines, as log is monotone) with no −∞.
 * This runs for every run's plot every frame: an exact sort of the grid cost a long task.
 */
export function hdrLogLevels(logq: ArrayLike<number>, masses: readonly number[]): { levels: number[]; values: Float64Array } {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logq.length; i++) if (logq[i] > max) max = logq[i];
  const floor = max - LOG_SPAN - 1;
  const values = new Float64Array(logq.length);
  const counts = new Float64Array(BINS);
  for (let i = 0; i < logq.length; i++) {
    const v = logq[i];
    // biome-ignore lint/complexity/useMathMinMax: a NaN must become the floor; Math.max would keep it
    values[i] = v > floor ? v : floor;
    if (v > max - LOG_SPAN) counts[Math.min(BINS - 1, Math.floor(((max - v) / LOG_SPAN) * BINS))] += 1;
  }
  let total = 0;
  for (let b = 0; b < BINS; b++) total += counts[b] * BIN_WEIGHT[b];
  const levels: number[] = [];
  let acc = 0;
  for (let b = 0, m = 0; b < BINS && m < masses.length; b++) {
    acc += counts[b] * BIN_WEIGHT[b];
    while (m < masses.length && acc >= masses[m] * total) {
      levels.push(max - ((b + 1) * LOG_SPAN) / BINS);
      m++;
    }
  }
  return { levels, values };
}
