import { expect, test } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';

// tf.split into one part has a gradient that throws in tfjs (familyMath.splitLayers): a flow of
// one layer must step on the tfjs path too (another objective than the fast path's).
for (const family of ['planar-flow', 'radial-flow']) {
  test(`${family} with one layer steps on the tfjs path`, () => {
    const base = defaultConfig('banana', family);
    const run = new Run({ ...base, family: { id: family, options: { ...base.family.options, layers: 1 } } }, { fastPath: false });
    run.run(3);
    expect(run.step).toBe(3);
    expect(run.snapshot().mean.every(Number.isFinite)).toBe(true);
    run.dispose();
  });
}
