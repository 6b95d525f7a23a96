import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { displayNoise } from '../engine/displayNoise';
import { Run } from '../engine/run';
import { cholesky } from './sampleScores';

/**
 * The step-through draws ε on the page and joins each to its θ (docs/math.md#see-the-gradient):
 * that is true only if the worker's display samples are θᵢ = μ + L εᵢ with the same εᵢ.
 */
describe('the display samples come from the page’s display ε', () => {
  it.each(['full-rank', 'mean-field'])('%s: θᵢ = μ + L εᵢ after some steps', (family) => {
    const c = defaultConfig('banana', family);
    const run = new Run(c);
    run.run(40);
    const s = run.snapshot();
    const L = cholesky(s.cov);
    if (!L) throw new Error('q has no covariance');
    const eps = displayNoise(2);
    for (let i = 0; i < 300; i++) {
      const [e0, e1] = [eps[2 * i], eps[2 * i + 1]];
      expect(s.samples[2 * i]).toBeCloseTo(s.mean[0] + L[0][0] * e0, 4);
      expect(s.samples[2 * i + 1]).toBeCloseTo(s.mean[1] + L[1][0] * e0 + L[1][1] * e1, 4);
    }
    run.dispose();
  });
});
