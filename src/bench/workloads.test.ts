import { describe, expect, it } from 'vitest';
import { families } from '../core/families/registry';
import { runConfigsOf } from '../core/session';
import { parseHash } from '../state/url';
import { BENCH_SAMPLES, FAMILY_WORKLOADS, FOUR_RUNS, UNLIMITED_SPEED, WORKLOADS, autoplayLink, buildWorkload, familyLabel, missingIds } from './workloads';

describe('bench workloads', () => {
  it('one workload per family in the registry, on the banana at 256 samples with default options', () => {
    expect(FAMILY_WORKLOADS.map((w) => w.id)).toEqual(families.map((f) => f.id));
    for (const w of FAMILY_WORKLOADS) {
      const built = buildWorkload(w, 'cpu');
      expect(built.ok, built.ok ? '' : built.note).toBe(true);
      if (!built.ok) continue;
      const [c] = runConfigsOf(built.session);
      const spec = families.find((f) => f.id === w.id);
      expect(c.target.id).toBe('banana');
      expect(c.samples).toBe(BENCH_SAMPLES);
      for (const o of spec?.options ?? []) expect(c.family.options[o.name]).toBe(o.default);
    }
    expect(familyLabel('mixture')).toBe('mixture (K=3)');
  });

  it('the four runs share one session at the unlimited speed', () => {
    const built = buildWorkload(FOUR_RUNS, 'cpu');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.session.speed).toBe(UNLIMITED_SPEED);
    expect(built.session.backend).toBe('cpu');
    expect(runConfigsOf(built.session).map((c) => c.family.id)).toEqual(['mean-field', 'full-rank', 'mixture', 'planar-flow']);
    expect(WORKLOADS).toContain(FOUR_RUNS);
  });

  it('an id that is not in the catalogue gives "missing", never a throw', () => {
    const w = { id: 'x', label: 'x', runs: [{ target: 'no-such-target', family: 'full-rank' }] };
    expect(missingIds(w)).toEqual(['no-such-target']);
    const built = buildWorkload(w, 'cpu');
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.status).toBe('missing');
  });

  it('runs on different targets are refused: a session has one target', () => {
    const w = { id: 'x', label: 'x', runs: [{ target: 'banana', family: 'full-rank' }, { target: 'u1', family: 'full-rank' }] };
    const built = buildWorkload(w, 'cpu');
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.status).toBe('error');
  });

  it("the first-step link opens the workload's run and plays", () => {
    for (const w of FAMILY_WORKLOADS) {
      const parsed = parseHash(autoplayLink(w.id));
      expect(parsed.problems).toEqual([]);
      expect(parsed.view.autoplay).toBe(true);
      const built = buildWorkload(w, 'cpu');
      if (built.ok) expect(runConfigsOf(parsed.session)).toEqual(runConfigsOf(built.session));
    }
  });
});
