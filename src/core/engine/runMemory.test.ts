import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import type { RunConfig } from '../config';
import { tf } from '../tf';
import { Run } from './run';

/**
 * A Run steps for hours in the worker: every tensor it forgets to dispose grows without bound.
 * Adam makes its slots on the first step, so the count is taken after a warm-up
 * (docs/architecture.md#tfjs-facts).
 */
function expectNoGrowth(start: RunConfig, vary: (c: RunConfig, i: number) => RunConfig, steps: number, fastPath = true): void {
  const before = tf.memory().numTensors;
  const run = new Run(start, { fastPath });
  run.run(3);
  run.snapshot();
  const warm = tf.memory().numTensors;
  let c = start;
  for (let i = 0; i < steps / 100; i++) {
    run.run(100);
    run.snapshot();
    c = vary(c, i);
    expect(run.update(c)).toBe(true);
    // a structural change is refused without touching anything
    expect(run.update({ ...c, seed: c.seed + 1 })).toBe(false);
    expect(tf.memory().numTensors).toBe(warm);
  }
  expect(run.step).toBe(steps + 3);
  run.dispose();
  expect(tf.memory().numTensors).toBe(before);
}

describe('no tensor growth', () => {
  it('full-rank on the banana: 2000 steps with snapshots and lr, sample-count and target-parameter changes', () => {
    const start = defaultConfig('banana', 'full-rank');
    expectNoGrowth(
      start,
      (c, i) => ({
        ...c,
        lr: i % 2 === 0 ? 0.02 : 0.05,
        samples: i % 4 === 0 ? 128 : 256,
        target: { ...c.target, params: { a: 2, b: i % 3 === 0 ? 0.25 : 0.2 } },
      }),
      2000,
    );
  });

  it('the tfjs path (no plain-JS fast path): full-rank on the banana, 2000 steps with the same changes', () => {
    const start = defaultConfig('banana', 'full-rank');
    expectNoGrowth(
      start,
      (c, i) => ({ ...c, lr: i % 2 === 0 ? 0.02 : 0.05, samples: i % 4 === 0 ? 128 : 256, target: { ...c.target, params: { a: 2, b: i % 3 === 0 ? 0.25 : 0.2 } } }),
      2000,
      false,
    );
  });

  it('mean-field on the bimodal 1D target: 500 steps with the same kinds of change', () => {
    const start = defaultConfig('bimodal-1d', 'mean-field');
    expectNoGrowth(
      start,
      (c, i) => ({
        ...c,
        lr: i % 2 === 0 ? 0.01 : 0.05,
        target: { ...c.target, params: { weight: 0.5, separation: i % 2 === 0 ? 2 : 3 } },
      }),
      500,
    );
  });
});
