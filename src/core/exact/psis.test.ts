import { describe, expect, test } from 'vitest';
import { NormalStream } from '../random';
import { psisKhat } from './psis';

/** q = N(0, 1), p = N(0, s²): log w = ½x²(1 − 1/s²) + const, whose tail index is k = 1 − 1/s². */
function gaussianLogWeights(s: number, n: number, seed: number): Float64Array {
  const z = new NormalStream(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = z.next();
    out[i] = -0.5 * (x / s) ** 2 - Math.log(s) + 0.5 * x * x;
  }
  return out;
}

describe('PSIS k̂', () => {
  test('heavy tail: p wider than q gives k̂ near 1 − 1/s²', () => {
    // s = 2 → k = 0.75; s = 1.5 → k = 0.556. The prior shrinks toward 0.5, so allow 0.12.
    for (const [s, k] of [
      [2, 0.75],
      [1.5, 1 - 1 / 2.25],
    ] as const) {
      const est = [1, 2, 3].map((seed) => psisKhat(gaussianLogWeights(s, 8000, seed)));
      const mean = est.reduce((a, b) => a + b, 0) / est.length;
      expect(Math.abs(mean - k)).toBeLessThan(0.12);
    }
  });

  test('light tail: q wider than p gives k̂ well below 0.5', () => {
    const khat = psisKhat(gaussianLogWeights(0.7, 4000, 7));
    expect(khat).toBeLessThan(0.3);
  });

  test('q = p: identical weights are a bounded tail', () => {
    expect(psisKhat(new Float64Array(1000).fill(-1.3))).toBe(Number.NEGATIVE_INFINITY);
  });

  test('invariant to an additive constant in log w', () => {
    const lw = gaussianLogWeights(1.8, 3000, 11);
    const shifted = lw.map((v) => v + 123.4);
    expect(psisKhat(shifted)).toBeCloseTo(psisKhat(lw), 6);
  });
});

test('weights a few float32 quanta apart (q = p to float precision) read as a bounded tail, not NaN', () => {
  // log w quantised to a few ulps of float32 around 0: the tail's exceedances tie at 0 and 7q.
  const q = 2 ** -22;
  const logw = Float64Array.from({ length: 1000 }, (_, i) => (i < 60 ? 8 * q : i < 100 ? q : 0));
  expect(psisKhat(logw)).toBe(Number.NEGATIVE_INFINITY);
});
