import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { tf } from '../tf';
import { Run } from './run';

/** A respawned worker carries each run on from its last exported state (issue: worker faults). */
describe('run state: export, then import into a fresh Run', () => {
  const cases: [string, string, boolean][] = [
    ['banana', 'full-rank', true],
    ['banana', 'full-rank', false],
    ['banana', 'planar-flow', false],
    ['multimodal', 'mixture', false],
    ['bimodal-1d', 'mean-field', true],
  ];
  for (const [target, family, fastPath] of cases) {
    it(`${family} on ${target}${fastPath ? ' (fast path)' : ''}: same q, step count continues`, () => {
      const config = defaultConfig(target, family);
      const a = new Run(config, { fastPath });
      a.run(150);
      const state = a.exportState();
      const before = a.snapshot();
      const b = new Run(config, { fastPath });
      b.importState(state);
      const after = b.snapshot();
      expect(b.step).toBe(150);
      expect(after.step).toBe(150);
      for (let i = 0; i < before.mean.length; i++) expect(after.mean[i]).toBeCloseTo(before.mean[i], 5);
      // and it trains on from there without trouble
      b.run(20);
      expect(b.step).toBe(170);
      expect(b.snapshot().mean.every(Number.isFinite)).toBe(true);
      a.dispose();
      b.dispose();
    });
  }

  it('refuses a state from another family, leaving the run as it was', () => {
    const a = new Run(defaultConfig('banana', 'mean-field'));
    const b = new Run(defaultConfig('banana', 'full-rank'));
    const tensors = tf.memory().numTensors;
    expect(() => b.importState(a.exportState())).toThrow(/does not match/);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(b.step).toBe(0);
    a.dispose();
    b.dispose();
  });
});
