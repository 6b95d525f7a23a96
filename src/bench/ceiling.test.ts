import { fastFamilyOf } from '../core/fast/families';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Run } from '../core/engine/run';
import { families } from '../core/families/registry';
import { CeilingLoop, timeCeiling } from './ceiling';

// No timing here: the ceiling's speed is the bench's to measure (npm run bench), never a test's.
describe('the ceiling (the bare fast loop)', () => {
  it("takes exactly the engine's fast-path steps: same start, noise, gradient and Adam, without the Run", () => {
    const loop = CeilingLoop.create('full-rank', 'banana', 256);
    expect(loop).not.toBeNull();
    if (!loop) return;
    const run = new Run({ ...defaultConfig('banana', 'full-rank'), samples: 256 });
    try {
      expect(run.usesFastPath).toBe(true);
      expect(Float32Array.from(loop.theta)).toEqual(Float32Array.from(run.exportState().variables.flatMap((v) => [...v])));
      loop.run(30);
      run.run(30);
      const engine = run.exportState().variables.flatMap((v) => [...v]);
      expect(loop.step).toBe(30);
      for (const [i, t] of loop.theta.entries()) expect(t).toBeCloseTo(engine[i], 5);
    } finally {
      run.dispose();
    }
  });

  it('fits: KL(q‖p) on the banana falls towards the best full-rank q', () => {
    const loop = CeilingLoop.create('full-rank', 'banana', 256);
    if (!loop) throw new Error('full-rank has a fast path');
    const before = loop.loss();
    loop.run(400);
    const after = loop.loss();
    expect(after).toBeLessThan(before - 0.3);
    // A Gaussian cannot bend: the best full-rank q on the default banana sits near KL ≈ 0.5.
    expect(after).toBeGreaterThan(0.3);
  });

  it('is absent ("n/a" in the table) for a family or target without a plain-JS path', () => {
    expect(CeilingLoop.create('no-such-family', 'banana', 256)).toBeNull();
    expect(CeilingLoop.create('full-rank', 'no-such-target', 256)).toBeNull();
    const slow = families.find((f) => !fastFamilyOf(f.id));
    if (slow) {
      expect(CeilingLoop.create(slow.id, 'banana', 256)).toBeNull();
      // No loop, so nothing is timed: the budget is not spent.
      const t = timeCeiling(slow.id, 'banana', 256, 60_000);
      expect(t.stepsPerSecond).toBeNull();
      expect(t.lossAfter).toBeNull();
    }
  });
});
