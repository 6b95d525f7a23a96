import { expect, test } from 'vitest';
import { defaultConfig } from '../core/config';
import { timeBackend } from './backends';
import { stepsWithTfjs } from './lazyTfjs';

const base = defaultConfig('correlated-gaussian', 'full-rank');
/** Plain SGD at 0.5 on a precision of ~50 blows up; sticking the landing steps with tfjs. */
const diverging = { ...base, target: { ...base.target, params: { ...base.target.params, rho: 0.99 } }, optimizer: 'sgd' as const, lr: 0.5, estimator: 'stl' as const };

test('measuring a backend is not derailed by a workload that diverges', async () => {
  const timing = await timeBackend('cpu', [diverging], 50);
  expect(timing.error).toBeUndefined();
  expect(timing.stepsPerSecond).toBeGreaterThan(0);
});

test('only runs that step with tfjs call for a measurement', () => {
  expect(stepsWithTfjs([base])).toBe(false);
  expect(stepsWithTfjs([base, diverging])).toBe(true);
  expect(stepsWithTfjs([{ ...base, objective: { id: 'iwae', options: { K: 5 } } }])).toBe(true);
});
