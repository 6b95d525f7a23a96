import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { kernelsPerStep } from './kernels';

describe('tfjs kernels per step', () => {
  it('counts the kernels of one tfjs-path step, by name', async () => {
    const count = await kernelsPerStep({ ...defaultConfig('banana', 'mean-field'), samples: 16 });
    expect(count.kernels).toBeGreaterThan(10);
    expect(count.byName.reduce((s, [, n]) => s + n, 0)).toBe(count.kernels);
  });
});
