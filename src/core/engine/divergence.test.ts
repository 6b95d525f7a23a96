import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import type { RunConfig } from '../config';
import { tf } from '../tf';
import { DivergenceError, Run } from './run';

/** Banana, plain SGD at the top learning rate: q shoots off within a few steps (issue 7). */
function blowUp(): RunConfig {
  return { ...defaultConfig('banana', 'full-rank'), optimizer: 'sgd', lr: 0.5 };
}

function divergenceStep(run: Run, n: number): number | null {
  try {
    run.run(n);
    return null;
  } catch (e) {
    if (e instanceof DivergenceError) return e.step;
    throw e;
  }
}

describe('divergence is caught at the step it happens, and the run is put back on its last good state', () => {
  for (const fastPath of [true, false]) {
    it(`banana with SGD at lr 0.5${fastPath ? ' (fast path)' : ' (tfjs path)'}`, () => {
      const tensors = tf.memory().numTensors;
      const run = new Run(blowUp(), { fastPath });
      expect(run.usesFastPath).toBe(fastPath);
      const step = divergenceStep(run, 50);
      expect(step).not.toBeNull();
      const at = step as number;
      expect(at).toBeLessThan(20);
      // the contract the worker relies on: the last good step, readable, and it can go on
      expect(run.step).toBe(at - 1);
      const snap = run.snapshot();
      expect(snap.step).toBe(at - 1);
      expect(snap.mean.every(Number.isFinite)).toBe(true);
      expect(snap.cov.flat().every(Number.isFinite)).toBe(true);
      expect(run.exportState().variables.every((v) => v.every(Number.isFinite))).toBe(true);
      // Going on works: the last good state may be far out (finite is all it promises), so a
      // further step may diverge again, and then by the same rules.
      expect(run.update({ ...blowUp(), lr: 0.001 })).toBe(true);
      const again = divergenceStep(run, 5);
      expect(run.step).toBe(again === null ? at + 4 : again - 1);
      expect(run.snapshot().mean.every(Number.isFinite)).toBe(true);
      run.dispose();

      // The same step whatever the chunking. One step at a time, a state is tested when the next
      // step starts from it, so the error may come one call later, naming the same step.
      const single = new Run(blowUp(), { fastPath });
      let found: number | null = null;
      for (let i = 0; i <= at && found === null; i++) found = divergenceStep(single, 1);
      expect(found).toBe(at);
      expect(single.step).toBe(at - 1);
      single.dispose();
      expect(tf.memory().numTensors).toBe(tensors);
    });
  }

  it('the error is a code, not a sentence for the page', () => {
    const e = new DivergenceError(7);
    expect(e.name).toBe('DivergenceError');
    expect(e.code).toBe('diverged');
    expect(e.step).toBe(7);
    expect(e.message).toBe('diverged at step 7');
  });

  it('score estimator with SGD on the tfjs path: caught, and snapshots still work', () => {
    const run = new Run({ ...blowUp(), family: { id: 'mean-field', options: {} }, estimator: 'score' });
    expect(run.usesFastPath).toBe(false);
    const step = divergenceStep(run, 100);
    expect(step).not.toBeNull();
    expect(run.step).toBe((step as number) - 1);
    expect(run.snapshot().mean.every(Number.isFinite)).toBe(true);
    run.dispose();
  });

  it('a healthy run never trips the check', () => {
    const run = new Run(defaultConfig('banana', 'mean-field'), { fastPath: false });
    run.run(200);
    expect(run.step).toBe(200);
    run.dispose();
  });
});
