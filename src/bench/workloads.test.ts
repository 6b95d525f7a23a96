import { describe, expect, it } from 'vitest';
import { findFamily } from '../core/families/registry';
import { findTarget } from '../core/targets/registry';
import { SPEED } from '../core/config';
import { UNLIMITED_SPEED, WORKLOADS, buildWorkload, catalogue, fourRunConfigs, missingIds } from './workloads';

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

  it('every reference workload whose ids exist builds valid RunConfigs with its settings', () => {
    for (const w of WORKLOADS) {
      const built = buildWorkload(w, 'cpu');
      if (missingIds(w).length > 0) {
        expect(built.ok).toBe(false);
        continue;
      }
      expect(built.ok, built.ok ? '' : built.note).toBe(true);
      if (!built.ok) continue;
      built.configs.forEach((c, i) => {
        const r = w.runs[i];
        expect(c.target.id).toBe(r.target);
        expect(c.family.id).toBe(r.family);
        expect(c.backend).toBe('cpu');
        expect(c.speed).toBe(UNLIMITED_SPEED);
        if (r.samples) expect(c.samples).toBe(r.samples);
        for (const [k, v] of Object.entries(r.familyOptions ?? {})) expect(c.family.options[k]).toBe(v);
      });
    }
  });

  it('the frame-health test always gets four runs, standing in for families not yet in the catalogue', () => {
    const { configs, note } = fourRunConfigs('auto');
    expect(configs).toHaveLength(4);
    for (const c of configs) expect(c.speed).toBe(SPEED.default);
    const absent = ['mean-field', 'full-rank', 'mixture', 'planar-flow'].filter((f) => !findFamily(f));
    expect(note === '').toBe(absent.length === 0);
  });

  it('lists the catalogue with dimension and kind', () => {
    const list = catalogue();
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect(findTarget(t.id)?.dim).toBe(t.dim);
  });
});
