import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { FIRST_HOLD_MS, READOUT_SHARE, ReadoutBudget, STALEST_MS } from './readoutBudget';
import { Run } from './run';

describe('the read-out budget', () => {
  it('is due at first, then once the last refresh and the cheap snapshots since are a share s of the time', () => {
    const b = new ReadoutBudget();
    expect(b.due(0)).toBe(true);
    // The first refresh (cold code) is not held against the next, which only waits FIRST_HOLD_MS.
    b.refreshed(1000, 50);
    expect(b.due(50 + FIRST_HOLD_MS - 1)).toBe(false);
    expect(b.due(50 + FIRST_HOLD_MS)).toBe(true);
    // A refresh of 10 ms that ended at t = 100: due once 10 ≤ s·(10 + t − 100).
    b.refreshed(10, 100);
    const at = 100 + 10 / READOUT_SHARE - 10;
    expect(b.due(at - 1)).toBe(false);
    expect(b.due(at)).toBe(true);
    // Cheap snapshots count: 10 more ms push it later.
    b.spent(10);
    expect(b.due(at)).toBe(false);
    expect(b.due(100 + 20 / READOUT_SHARE - 10)).toBe(true);
    // A refresh that cost nothing never waits.
    b.refreshed(0, 500);
    expect(b.due(500)).toBe(true);
  });

  it('splits the share among the runs the worker steps', () => {
    const b = new ReadoutBudget();
    b.refreshed(0, 0);
    b.refreshed(10, 100);
    // Alone: due once 10 ≤ s·(10 + t − 100); one of four runs: once 10 ≤ (s/4)·(10 + t − 100).
    expect(b.due(100 + 10 / READOUT_SHARE - 10, 1)).toBe(true);
    expect(b.due(100 + 10 / READOUT_SHARE - 10, 4)).toBe(false);
    expect(b.due(100 + 40 / READOUT_SHARE - 10 - 1, 4)).toBe(false);
    expect(b.due(100 + 40 / READOUT_SHARE - 10, 4)).toBe(true);
  });

  it('never waits longer than STALEST_MS, however costly a refresh', () => {
    const costly = new ReadoutBudget();
    costly.refreshed(0, 0);
    costly.refreshed(1e6, 0);
    expect(costly.due(STALEST_MS - 1)).toBe(false);
    expect(costly.due(STALEST_MS)).toBe(true);
  });

  it('a budgeted snapshot repeats the expensive read-outs with the step they describe; an unbudgeted one is fresh', () => {
    const run = new Run(defaultConfig('banana', 'planar-flow'));
    const first = run.snapshot({ budgeted: true });
    expect(first.readoutStep).toBe(0);
    run.run(3);
    const next = run.snapshot({ budgeted: true });
    expect(next.step).toBe(3);
    // Whether it was due depends on time; either way the read-outs say which step they describe.
    if (next.readoutStep === 0) {
      expect(next.elbo).toBe(first.elbo);
      expect(next.khat).toBe(first.khat);
      expect(next.mean).toEqual(first.mean);
    } else expect(next.readoutStep).toBe(3);
    const fresh = run.snapshot();
    expect(fresh.readoutStep).toBe(3);
    run.dispose();
  });

  it('a change of target parameters makes the next snapshot fresh', () => {
    const config = defaultConfig('banana', 'mean-field');
    const run = new Run(config);
    run.snapshot({ budgeted: true });
    run.run(2);
    run.update({ ...config, target: { ...config.target, params: { ...config.target.params, b: 0.3 } } });
    expect(run.snapshot({ budgeted: true }).readoutStep).toBe(2);
    run.dispose();
  });
});
