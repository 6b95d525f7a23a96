import { interpolateBlues as fromChromatic } from 'd3';
import { describe, expect, it } from 'vitest';
import { interpolateBlues } from './blues';

describe('the density plots’ Blues ramp', () => {
  it('is d3-scale-chromatic’s interpolateBlues', () => {
    for (let t = 0; t <= 1; t += 0.05) expect(interpolateBlues(t)).toBe(fromChromatic(t));
  });
});
