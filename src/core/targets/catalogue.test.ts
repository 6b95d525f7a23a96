import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { defaultParams } from '../params';
import { uniformStream } from '../random';
import { tf } from '../tf';
import { targetDensities } from './densities';
import { findTarget, targets } from './registry';
import { targetSpecs } from './resolveSpec';
import { randomPoints, targetField } from './testkit';
import type { Domain } from './types';

const PICKER_ORDER = [
  // 1D
  'gaussian-1d',
  'bimodal-1d',
  'student-t-1d',
  'skew-normal-1d',
  // 2D
  'correlated-gaussian',
  'banana',
  'donut',
  'multimodal',
  'funnel',
  'squiggle',
  'rosenbrock',
  'u1',
  'u2',
  'u3',
  'u4',
  // constrained
  'coin',
  'rate',
  // real data
  'eight-schools',
  'challenger',
  // a model made for the lesson em-and-vi
  'mixture-means',
];

/** Targets whose caveat says openly that part of p lies beyond the plot at the defaults. */
const SPILLS = new Set(['funnel', 'rosenbrock']);

describe('target registry', () => {
  it('offers exactly the catalogue, in picker order, each findable by id', () => {
    expect(targets.map((t) => t.id)).toEqual(PICKER_ORDER);
    for (const t of targets) expect(findTarget(t.id)).toBe(t);
  });

  it('gives every target a density and no density without a target (registry.ts and densities.ts agree)', () => {
    expect(Object.keys(targetDensities).sort()).toEqual([...PICKER_ORDER].sort());
    expect(targetSpecs.map((t) => t.id)).toEqual(PICKER_ORDER);
  });

  it("keeps density code out of the page's imports (registry.ts, resolve.ts reach no density module)", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const densityOnly = /\.density\.ts$|\/gaussianMath\.ts$|\/energyMath\.ts$|\/export\/expr\.ts$|\/formula\/(compile|gradient|tape|formulaDensity)\.ts$/;
    const seen = new Set<string>();
    const queue = [join(here, 'registry.ts'), join(here, 'resolve.ts')];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(file, `the page reaches ${file}`).not.toMatch(densityOnly);
      // run-time imports and re-exports only: `import type` is erased
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export) (?!type )[^;]*?from '(\.[^']+)';/gms)) {
        queue.push(join(dirname(file), `${m[1]}.ts`));
      }
    }
    expect(seen.size).toBeGreaterThan(PICKER_ORDER.length);
  });

  it.each(targets.map((t) => [t.id, t] as const))('%s describes itself: one sentence, TeX, sane parameter specs', (_, t) => {
    expect(t.name.length).toBeGreaterThan(0);
    expect(t.description).toMatch(/^[A-Z].*\.$/);
    expect(t.description.split('. ').length).toBe(1);
    expect(t.tex.length).toBeGreaterThan(0);
    for (const s of t.params) {
      expect(s.min).toBeLessThan(s.max);
      expect(s.default).toBeGreaterThanOrEqual(s.min);
      expect(s.default).toBeLessThanOrEqual(s.max);
      if (s.integer) expect(Number.isInteger(s.default)).toBe(true);
    }
    const d = t.domain(defaultParams(t.params));
    expect(d.x[0]).toBeLessThan(d.x[1]);
    expect(d.y !== undefined).toBe(t.dim === 2);
    if (t.constraint) expect(t.constraint.names.length).toBe(t.dim);
  });

  it('target files never import tfjs at run time (the UI reads specs without loading tfjs)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testkit.ts');
    expect(files.length).toBeGreaterThan(PICKER_ORDER.length);
    for (const f of files) {
      for (const line of readFileSync(join(here, f), 'utf8').split('\n')) {
        if (/^import (?!type ).*from '(@tensorflow\/|\.\.\/tf')/.test(line)) throw new Error(`${f} imports tfjs at run time: ${line}`);
      }
    }
  });
});

describe('every target at its defaults', () => {
  it.each(targetSpecs.map((t) => [t.id, t] as const))('%s: finite log p̃ and gradient on the plot and far beyond it', (id, t) => {
    const p = defaultParams(t.params);
    const f = targetField(t, p);
    expect(f.logp.every((v) => Number.isFinite(v))).toBe(true);
    expect(f.edgeMass).toBeLessThan(SPILLS.has(id) ? 5e-3 : 2e-4);
    if (SPILLS.has(id)) expect(t.caveat).toBeDefined();
    const d = t.domain(p);
    const widen = (r: readonly [number, number]): [number, number] => [3 * r[0] - 2, 3 * r[1] + 2];
    const far: Domain = { x: widen(d.x), ...(d.y ? { y: widen(d.y) } : {}) };
    const u = uniformStream(600);
    for (const box of [d, far]) {
      const pts = randomPoints(u, 256, box, t.dim);
      const g = tf.tidy(() =>
        tf.grad((x: tf.Tensor) => tf.sum(t.logDensity(tf, x as tf.Tensor2D, p)))(tf.tensor2d(pts, [256, t.dim])).dataSync(),
      );
      expect(
        g.every((v) => Number.isFinite(v)),
        `${id}: non-finite gradient`,
      ).toBe(true);
    }
  });

  it.each(targets.map((t) => [t.id] as const))('%s: a full-rank Run steps 200 times with finite numbers', (id) => {
    const run = new Run(defaultConfig(id, 'full-rank'));
    expect(run.field.invalidFraction).toBe(0);
    run.run(200);
    const s = run.snapshot();
    expect(s.step).toBe(200);
    for (const v of [s.elbo, s.elboStdErr, s.logZ, s.klQP, s.klPQ, s.qMassInside, s.cubo, s.objectiveBound]) {
      expect(Number.isFinite(v), `${id}: ${JSON.stringify(s.elbo)}`).toBe(true);
    }
    expect([...s.mean, ...s.cov.flat()].every(Number.isFinite)).toBe(true);
    expect(Array.from(s.samples).every(Number.isFinite)).toBe(true);
    run.dispose();
  });
});
