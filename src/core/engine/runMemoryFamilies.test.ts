import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { families } from '../families/registry';
import { SMALLEST_FAMILY_OPTIONS as SMALL } from '../testing/smallestFamilies';
import { tf } from '../tf';
import { Run } from './run';

/**
 * Every family on the tfjs path (the divergence guard, the iterate average and the family's own
 * ops all allocate per step): 10,000 steps each with a snapshot every 500 and a live change of
 * the learning rate, and the tensor count must not move after the warm-up (Adam makes its slots
 * on the first step). A few samples per step keep it quick: leaks are per op, not per sample.
 */
const STEPS = 10_000;
const SNAPSHOT_EVERY = 500;

describe('no tensor growth on the tfjs path, every family, 10,000 steps', () => {
  for (const family of families) {
    it(`${family.id}`, { timeout: 600_000 }, () => {
      const before = tf.memory().numTensors;
      const base = defaultConfig('banana', family.id);
      const config = { ...base, family: { ...base.family, options: { ...base.family.options, ...SMALL[family.id] } }, samples: 8, averaging: true };
      const run = new Run(config, { fastPath: false });
      run.run(3);
      run.snapshot();
      const warm = tf.memory().numTensors;
      const warmBytes = tf.memory().numBytes;
      for (let done = 0; done < STEPS; done += SNAPSHOT_EVERY) {
        run.run(SNAPSHOT_EVERY);
        run.snapshot();
        expect(run.update({ ...config, lr: done % 1000 === 0 ? 0.02 : config.lr })).toBe(true);
        expect(tf.memory().numTensors).toBe(warm);
      }
      expect(run.step).toBe(STEPS + 3);
      expect(tf.memory().numBytes).toBe(warmBytes);
      run.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
