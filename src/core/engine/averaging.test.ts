import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { ArrayAverage, averagingWeight } from './averaging';
import { Run } from './run';

describe('iterate averaging', () => {
  it('polynomial-decay weights: the first iterate is taken whole, then iterate j of k weighs like (j/k)^3', () => {
    expect(averagingWeight(1)).toBe(1);
    const avg = new ArrayAverage();
    // a constant sequence averages to itself; a ramp to about its last quarter
    for (let k = 1; k <= 1000; k++) avg.add([Float64Array.of(k)]);
    expect(avg.count).toBe(1000);
    // Σ j·w(j) / Σ w(j) with w ∝ j³ (continuous limit): 4/5 of the way along
    expect(avg.values[0][0] / 1000).toBeCloseTo(0.8, 2);
  });

  for (const fastPath of [true, false]) {
    it(`read-outs describe the average, training goes on from the iterate${fastPath ? ' (fast path)' : ' (tfjs path)'}`, () => {
      const base = { ...defaultConfig('correlated-gaussian', 'mean-field'), lr: 0.1, samples: 32 };
      const plain = new Run(base, { fastPath });
      const averaged = new Run({ ...base, averaging: true }, { fastPath });
      plain.run(400);
      averaged.run(400);
      const a = averaged.snapshot();
      const p = plain.snapshot();
      expect(a.averagedOver).toBe(400);
      expect(p.averagedOver).toBe(0);
      // the same training trajectory: averaging only changes what is read out
      expect(averaged.exportState().variables).toEqual(plain.exportState().variables);
      expect(a.mean).not.toEqual(p.mean);
      // the mean-field optimum for ρ = 0.8: variances 1 − ρ² = 0.36, KL = −½ log(1 − ρ²)
      const klOpt = -0.5 * Math.log(1 - 0.64);
      expect(Math.abs((a.klQP as number) - klOpt)).toBeLessThan(Math.abs((p.klQP as number) - klOpt) + 1e-3);
      // a moved target restarts the average; switching it off reads the iterate again
      expect(averaged.update({ ...base, averaging: true, target: { ...base.target, params: { ...base.target.params, rho: 0.5 } } })).toBe(true);
      expect(averaged.snapshot().averagedOver).toBe(0);
      averaged.run(10);
      expect(averaged.snapshot().averagedOver).toBe(10);
      expect(averaged.update({ ...base, target: { ...base.target, params: { ...base.target.params, rho: 0.5 } } })).toBe(true);
      expect(averaged.snapshot().averagedOver).toBe(0);
      plain.dispose();
      averaged.dispose();
    });
  }
});
