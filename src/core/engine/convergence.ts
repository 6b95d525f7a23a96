/**
 * When a run has stopped getting better (docs/embedding.md#events, `converged`): the mean ELBO of
 * the newest quarter of its steps is within noise of the quarter before. "Within noise" is two
 * standard errors of the difference of the two means (the points' spread, not the per-point
 * s.e., which ignores the iterates' own wander), plus a floor of 0.005 nats so that a very quiet
 * curve does not wait for an exact tie.
 */
export interface ElboPoint {
  readonly step: number;
  readonly elbo: number;
}

/** Fewer steps than this are never converged: Adam's first steps are small by design. */
export const MIN_CONVERGED_STEPS = 300;
const MIN_POINTS_PER_WINDOW = 5;
const FLOOR_NATS = 0.005;

function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, variance };
}

export function hasConverged(points: readonly ElboPoint[]): boolean {
  const last = points[points.length - 1];
  if (!last || last.step < MIN_CONVERGED_STEPS) return false;
  const width = Math.max(50, last.step / 4);
  const newer: number[] = [];
  const older: number[] = [];
  for (const p of points) {
    if (!Number.isFinite(p.elbo)) continue;
    if (p.step > last.step - width) newer.push(p.elbo);
    else if (p.step > last.step - 2 * width) older.push(p.elbo);
  }
  if (newer.length < MIN_POINTS_PER_WINDOW || older.length < MIN_POINTS_PER_WINDOW) return false;
  const a = meanAndVariance(older);
  const b = meanAndVariance(newer);
  const noise = 2 * Math.sqrt(a.variance / older.length + b.variance / newer.length);
  return Math.abs(b.mean - a.mean) <= FLOOR_NATS + noise;
}
