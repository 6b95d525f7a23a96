import { describe, expect, it } from 'vitest';
import { targetSpecs } from '../targets/resolveSpec';
import { exportCases, pointsAndLogp } from './exportCases';
import { evaluateExport, formula, lit } from './expr';

describe('export expressions', () => {
  it('every catalogue target says how it exports', () => {
    for (const t of targetSpecs) expect(t.exportAs, t.id).toBeDefined();
  });

  it.each(exportCases().map((c) => [c.name, c] as const))('%s: the export expression is the app’s log p̃ (1e-9 relative)', (_, c) => {
    const exported = c.target.exportAs?.(c.params);
    if (!exported || !('logDensity' in exported)) throw new Error(`${c.name} does not export`);
    const { points, logp } = pointsAndLogp(c, 200, 3);
    points.forEach((p, i) => {
      const got = evaluateExport(exported.logDensity, p[0], p[1] ?? 0);
      expect(Math.abs(got - logp[i]), `${c.name} at ${p}: ${got} vs ${logp[i]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(logp[i])));
    });
  });

  it('lit writes numbers the formula language reads back exactly', () => {
    for (const v of [0, 1, -1, 0.1, -2.5e-7, 1e-12, Math.PI, -Math.LN2, 1e21, 123456789.123]) {
      const e = formula(`0 + ${lit(v)}`);
      expect(evaluateExport(e, 0, 0)).toBe(v);
    }
  });
});
