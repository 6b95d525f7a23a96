import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { AverageCheck, CHECK_MARGIN, CHECK_MIN_ITERATES, averageTrails } from './averageCheck';
import { Run } from './run';

describe('the average is checked against the iterate', () => {
  it('trails only when the paired difference is above the margin and its noise', () => {
    const n = 512;
    const iterate = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const shifted = (by: number, noise: number) => Float64Array.from(iterate, (v, i) => v - by + noise * Math.cos(7 * i));
    expect(averageTrails(iterate, shifted(0.05, 0.01))).toBe(true);
    expect(averageTrails(iterate, shifted(CHECK_MARGIN / 2, 0))).toBe(false); // precise, but too small to matter
    expect(averageTrails(iterate, shifted(0.05, 5))).toBe(false); // 0.05 ± ~0.16: not measured
    expect(averageTrails(iterate, shifted(-0.05, 0.01))).toBe(false); // the average is the better q
    const outside = Float64Array.from(iterate);
    outside[3] = Number.NEGATIVE_INFINITY;
    expect(averageTrails(iterate, outside)).toBe(true);
  });

  it('is due once the average holds enough iterates, then about once per quarter of its span', () => {
    const check = new AverageCheck(1);
    expect(check.due(CHECK_MIN_ITERATES - 1, CHECK_MIN_ITERATES - 1)).toBe(false);
    expect(check.due(CHECK_MIN_ITERATES, CHECK_MIN_ITERATES)).toBe(true);
    expect(check.due(300, 300)).toBe(false);
    expect(check.due(4000, 4000)).toBe(true);
    expect(check.due(4500, 4500)).toBe(false);
    expect(check.due(5000, 5000)).toBe(false); // 1,000 steps on, a quarter of 5,000 is 1,250
    expect(check.due(5400, 5400)).toBe(true);
  });

  for (const fastPath of [true, false]) {
    it(`an average that trails a still-improving iterate restarts from it${fastPath ? ' (fast path)' : ' (tfjs path)'}`, () => {
      // A small step size: at 400 steps q is still closing in, and the average (about the last
      // quarter of the run) lags behind the iterate, so the read-outs show the iterate.
      const base = { ...defaultConfig('correlated-gaussian', 'full-rank'), lr: 0.003, samples: 64, averaging: true };
      const averaged = new Run(base, { fastPath });
      const plain = new Run({ ...base, averaging: false }, { fastPath });
      averaged.run(400);
      plain.run(400);
      const a = averaged.snapshot();
      const p = plain.snapshot();
      expect(a.averagedOver).toBe(0);
      expect(a.klQP).toBeCloseTo(p.klQP as number, 6);
      averaged.run(10);
      expect(averaged.snapshot().averagedOver).toBe(10);
      averaged.dispose();
      plain.dispose();
    });
  }
});
