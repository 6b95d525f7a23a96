import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { type ElboPoint, MIN_CONVERGED_STEPS, hasConverged } from './convergence';

/** ELBO rising as −e^{−step/τ} towards `top`, with Gaussian-ish noise of sd `noise`. */
function curve(steps: number, tau: number, noise: number, seed = 1): ElboPoint[] {
  const rand = uniformStream(seed);
  const points: ElboPoint[] = [];
  for (let step = 10; step <= steps; step += 10) {
    const jitter = (rand() + rand() + rand() - 1.5) * 2 * noise;
    points.push({ step, elbo: -3 - 5 * Math.exp(-step / tau) + jitter });
  }
  return points;
}

describe('hasConverged', () => {
  it('is false while the ELBO still climbs, true once it has levelled off', () => {
    expect(hasConverged(curve(600, 2000, 0.01))).toBe(false);
    expect(hasConverged(curve(4000, 200, 0.01))).toBe(true);
  });
  it('waits for enough steps and points', () => {
    expect(hasConverged(curve(MIN_CONVERGED_STEPS - 10, 10, 0))).toBe(false);
    expect(hasConverged([])).toBe(false);
    expect(hasConverged([{ step: 5000, elbo: -1 }])).toBe(false);
  });
  it('calls a flat but noisy curve converged, and ignores non-finite points', () => {
    const flat = curve(3000, 1, 0.3, 7).map((p, i) => (i % 9 === 0 ? { ...p, elbo: Number.NaN } : p));
    expect(hasConverged(flat)).toBe(true);
  });
});
