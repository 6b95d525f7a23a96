import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { READOUT_SHARE, ReadoutBudget, STALEST_MS } from './readoutBudget';
import { Run } from './run';

describe('the read-out budget', () => {
  it('is due at first, then only after the run has stepped for (1 − s)/s times the last refresh', () => {
    const b = new ReadoutBudget();
    expect(b.due()).toBe(true);
    b.refreshed(10);
    expect(b.due()).toBe(false);
    const needed = (10 * (1 - READOUT_SHARE)) / READOUT_SHARE;
    b.stepped(needed - 1);
    expect(b.due()).toBe(false);
    b.stepped(1);
    expect(b.due()).toBe(true);
    // A refresh that cost nothing never waits.
    b.refreshed(0);
    expect(b.due()).toBe(true);
  });

  it('counts the cheap snapshots in between, and never waits longer than STALEST_MS of stepping', () => {
    const b = new ReadoutBudget();
    b.refreshed(10);
    b.spent(10);
    const needed = (20 * (1 - READOUT_SHARE)) / READOUT_SHARE;
    b.stepped(needed - 1);
    expect(b.due()).toBe(false);
    b.stepped(1);
    expect(b.due()).toBe(true);
    const costly = new ReadoutBudget();
    costly.refreshed(1e6);
    costly.stepped(STALEST_MS);
    expect(costly.due()).toBe(true);
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
