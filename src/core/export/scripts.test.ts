import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, type RunConfig } from '../config';
import { FORMULA_TARGET_ID } from '../formula/formulaTarget';
import { families } from '../families/registry';
import { objectives } from '../objectives/registry';
import { exportCases, pointsAndLogp } from './exportCases';
import { FAMILY_CODE } from './families';
import { numpyroScript } from './numpyro';
import { headerLines, logDensityFunction, scriptInput } from './script';
import { pymcScript } from './pymc';

/**
 * The exported Python scripts (docs/export.md#tests): every catalogue target and a few formulas,
 * for both libraries, compile (`python3 -m py_compile`), and their log_density, run with numpy
 * standing in for jax.numpy / pytensor.tensor (testing/shim.py), equals the app's log p̃ at random
 * points to 1e-6 relative. NumPyro and PyMC themselves are not installed here, so nothing fits.
 */

const dir = mkdtempSync(join(tmpdir(), 'vi-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const python = (args: string[]): string => execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const hasNumpy = (() => {
  try {
    python(['-c', 'import numpy, scipy']);
    return true;
  } catch {
    return false;
  }
})();

function configFor(c: ReturnType<typeof exportCases>[number], familyId = 'mean-field'): RunConfig {
  const base = defaultConfig(c.target.id === FORMULA_TARGET_ID ? 'correlated-gaussian' : c.target.id, familyId);
  const formula = 'formula' in c.target ? (c.target as { formula: string }).formula : undefined;
  const target =
    formula === undefined
      ? { ...base.target, params: c.params }
      : { id: FORMULA_TARGET_ID, params: {}, formula, domain: c.target.domain({}) };
  return { ...base, target };
}

const cases = exportCases();
const LIBRARIES = [
  ['numpyro', numpyroScript],
  ['pymc', pymcScript],
] as const;

describe('exported scripts', () => {
  it('every registered family has a NumPyro and PyMC mapping', () => {
    for (const f of families) expect(Object.hasOwn(FAMILY_CODE, f.id), f.id).toBe(true);
  });

  it('a target with no code form says so in the header and raises instead of guessing', () => {
    const input = { ...scriptInput(defaultConfig('banana'), 100), exported: { unsupported: 'no-export' } as const };
    expect(headerLines(input, 'PyMC').join('\n')).toContain('THIS TARGET CANNOT BE WRITTEN FOR PYMC');
    const fn = logDensityFunction(input, 'pytensor', 'PyMC').join('\n');
    expect(fn).toContain('raise NotImplementedError');
    const file = join(dir, 'unsupported.py');
    writeFileSync(file, fn);
    expect(() => python(['-m', 'py_compile', file])).not.toThrow();
  });

  it('every target × family × objective script compiles', () => {
    const files: string[] = [];
    const target = cases.find((c) => c.target.id === 'coin');
    if (!target) throw new Error('no coin case');
    for (const c of [...cases, target]) {
      for (const f of families) {
        if (f.unsupportedDim?.(c.target.dim)) continue;
        for (const o of objectives) {
          const config: RunConfig = { ...configFor(c, f.id), objective: { id: o.id, options: {} }, family: { id: f.id, options: {} } };
          for (const [lib, write] of LIBRARIES) {
            const file = join(dir, `compile_${files.length}_${lib}.py`);
            writeFileSync(file, write(config, 3000));
            files.push(file);
          }
        }
      }
    }
    // one interpreter for all of them: py_compile takes many files and fails on the first bad one
    expect(() => python(['-m', 'py_compile', ...files])).not.toThrow();
  }, 120_000);

  it.skipIf(!hasNumpy)("each script's log_density equals the app's log p̃ at random points (1e-6 relative)", () => {
    const jobs: { name: string; file: string; points: number[][] }[] = [];
    const want = new Map<string, number[]>();
    cases.forEach((c, i) => {
      const { points, logp } = pointsAndLogp(c, 64, 11 + i);
      for (const [lib, write] of LIBRARIES) {
        const name = `${c.name} / ${lib}`;
        const file = join(dir, `density_${i}_${lib}.py`);
        writeFileSync(file, write(configFor(c), 3000));
        jobs.push({ name, file, points });
        want.set(name, logp);
      }
    });
    const casesFile = join(dir, 'cases.json');
    writeFileSync(casesFile, JSON.stringify(jobs));
    const got = JSON.parse(python([join(__dirname, 'testing', 'shim.py'), casesFile])) as Record<string, number[]>;
    for (const job of jobs) {
      const expected = want.get(job.name) ?? [];
      expect(got[job.name], job.name).toHaveLength(expected.length);
      got[job.name].forEach((v, k) => {
        const w = expected[k];
        expect(Math.abs(v - w), `${job.name} at ${job.points[k]}: ${v} vs ${w}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w)));
      });
    }
  }, 120_000);
});
