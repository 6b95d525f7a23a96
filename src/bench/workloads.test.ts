import { describe, expect, it } from 'vitest';
import { findFamily } from '../core/families/registry';
import { findTarget } from '../core/targets/registry';
import { SPEED } from '../core/config';
import { runConfigsOf } from '../core/session';
import { UNLIMITED_SPEED, WORKLOADS, buildWorkload, catalogue, fourRunSession, missingIds } from './workloads';

describe('bench workloads', () => {
  it('an id that is not in the catalogue gives "missing", never a throw', () => {
    const w = { id: 'x', label: 'x', runs: [{ target: 'no-such-target', family: 'full-rank' }] };
    expect(missingIds(w)).toEqual(['no-such-target']);
    const built = buildWorkload(w, 'cpu');
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.status).toBe('missing');
      expect(built.note).toContain('no-such-target');
    }
  });

  it('every reference workload whose ids exist builds a valid session with its settings', () => {
    for (const w of WORKLOADS) {
      const built = buildWorkload(w, 'cpu');
      if (missingIds(w).length > 0) {
        expect(built.ok).toBe(false);
        continue;
      }
      expect(built.ok, built.ok ? '' : built.note).toBe(true);
      if (!built.ok) continue;
      // Speed and backend are the host's: one for the whole session.
      expect(built.session.backend).toBe('cpu');
      expect(built.session.speed).toBe(UNLIMITED_SPEED);
      expect(built.session.runs).toHaveLength(w.runs.length);
      runConfigsOf(built.session).forEach((c, i) => {
        const r = w.runs[i];
        expect(c.target.id).toBe(r.target);
        expect(c.family.id).toBe(r.family);
        if (r.samples) expect(c.samples).toBe(r.samples);
        for (const [k, v] of Object.entries(r.familyOptions ?? {})) expect(c.family.options[k]).toBe(v);
      });
    }
  });

  it('runs on different targets are refused: a session has one target', () => {
    const w = { id: 'x', label: 'x', runs: [{ target: 'banana', family: 'full-rank' }, { target: 'u1', family: 'full-rank' }] };
    const built = buildWorkload(w, 'cpu');
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.status).toBe('error');
  });

  it('the frame-health test always gets four runs, standing in for families not yet in the catalogue', () => {
    const { session, note } = fourRunSession('auto');
    expect(session.runs).toHaveLength(4);
    expect(session.speed).toBe(SPEED.default);
    expect(session.backend).toBe('auto');
    const absent = ['mean-field', 'full-rank', 'mixture', 'planar-flow'].filter((f) => !findFamily(f));
    expect(note === '').toBe(absent.length === 0);
  });

  it('lists the catalogue with dimension and kind', () => {
    const list = catalogue();
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect(findTarget(t.id)?.dim).toBe(t.dim);
  });
});
