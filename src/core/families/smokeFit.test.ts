import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { findTarget } from '../targets/registry';
import { tf } from '../tf';
import { families } from './registry';
import { note } from './testKit';

const ISSUE_3 = ['mixture', 'student-t', 'laplace', 'planar-flow', 'radial-flow', 'realnvp', 'point-mass', 'laplace-approx', 'svgd'];

describe('registry', () => {
  it('keeps mean-field and full-rank first and lists every issue-3 family once', () => {
    const ids = families.map((f) => f.id);
    expect(ids.slice(0, 2)).toEqual(['mean-field', 'full-rank']);
    for (const id of ISSUE_3) expect(ids.filter((v) => v === id)).toHaveLength(1);
  });
});

/** Default run config, 300 steps: every read-out of the snapshot is a finite number (or honestly null). */
describe.each(ISSUE_3)('%s: smoke fit', (id) => {
  const targetIds = ['banana', 'bimodal-1d'].filter((t) => !families.find((f) => f.id === id)?.unsupportedDim?.(findTarget(t)!.dim));

  it.each(targetIds)('on %s: 300 steps, finite snapshot, no tensor left behind', (targetId) => {
    const before = tf.memory().numTensors;
    const run = new Run(defaultConfig(targetId, id));
    run.run(300);
    const s = run.snapshot();
    const numbers = [...s.mean, ...s.cov.flat(), ...s.samples, ...(s.logq ?? []), ...Object.values(s.params).flat(2)];
    expect(numbers.every(Number.isFinite)).toBe(true);
    if (s.density === 'none') expect(s.elbo).toBeNull();
    else {
      expect(Number.isFinite(s.elbo)).toBe(true);
      expect(Number.isFinite(s.klQP)).toBe(true);
      expect(s.klQP!).toBeGreaterThan(-0.05);
      expect(s.klMethod).toBe(s.density === 'anywhere' ? 'quadrature' : 'elbo-gap');
    }
    note(`${id} on ${targetId} after 300 steps`, { kl: s.klQP, method: s.klMethod });
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
