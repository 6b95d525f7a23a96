import { expect, test } from 'vitest';
import { hdrLogLevels } from './densityGrid';

test('HDR levels of a standard 2D normal sit on its 1σ, 2σ and 3σ circles', () => {
  // For N(0, I) in 2D, mass inside radius r is 1 − exp(−r²/2): masses 0.393, 0.865, 0.989 are
  // r = 1, 2, 3, where log q = −r²/2 − log 2π.
  const n = 301;
  const logq = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = -6 + (12 * i) / (n - 1);
      const y = -6 + (12 * j) / (n - 1);
      logq[j * n + i] = -(x * x + y * y) / 2 - Math.log(2 * Math.PI);
    }
  }
  logq[0] = Number.NEGATIVE_INFINITY;
  const { levels, values } = hdrLogLevels(logq, [0.393, 0.865, 0.989]);
  const expected = [1, 2, 3].map((r) => -(r * r) / 2 - Math.log(2 * Math.PI));
  for (const [k, l] of levels.entries()) expect(l).toBeCloseTo(expected[k], 1);
  expect(values.every(Number.isFinite)).toBe(true);
});
