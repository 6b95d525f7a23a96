import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { families } from '../core/families/registry';
import { kernelsPerStep } from './kernels';

/**
 * Issue 9's goal for the tfjs path (what WebGL and a real GPU run): at most half the tfjs kernels
 * per step that each family took before the fused optimiser, the fused target gradient and the
 * custom-gradient layers (docs/bench.md). Kernel counts are deterministic (a count of dispatched
 * ops, not a time), so they can be asserted. Banana, 256 samples, default options, as the bench.
 */
const BEFORE: Readonly<Record<string, number>> = {
  'mean-field': 214,
  'full-rank': 281,
  mixture: 396,
  'student-t': 291,
  laplace: 295,
  'planar-flow': 646,
  'radial-flow': 890,
  realnvp: 676,
  'point-mass': 147,
  'laplace-approx': 147,
  svgd: 163,
};

describe('tfjs kernels per step, against issue 9’s budget', () => {
  it('every family in the registry has a recorded starting count', () => {
    expect(families.map((f) => f.id).filter((id) => !(id in BEFORE))).toEqual([]);
  });
  for (const family of families) {
    it(`${family.id}: at most half of ${BEFORE[family.id]}`, async () => {
      const { kernels } = await kernelsPerStep({ ...defaultConfig('banana', family.id), samples: 256 });
      expect(kernels).toBeLessThanOrEqual(Math.floor(BEFORE[family.id] / 2));
    });
  }
});
