import { describe, expect, it } from 'vitest';
import { LR, SAMPLES, SPEED } from '../../core/config';
import { families } from '../../core/families/registry';
import { makeFormulaTargetInfo } from '../../core/formula/formulaTarget';
import { estimators } from '../../core/objectives/estimators';
import { objectives } from '../../core/objectives/registry';
import type { ParamSpec } from '../../core/params';
import { targets } from '../../core/targets/registry';
import { catalogueWords, type ParamWords } from './catalogue';
import { zhCatalogue } from './zh/catalogue';

const HAN = /[\u4e00-\u9fff]/;
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();
const names = (ps: readonly ParamSpec[]) => ps.map((p) => p.name).sort();
const keys = (o: object | undefined) => Object.keys(o ?? {}).sort();
/** Every sentence and label is Chinese; a name may be a proper name (RealNVP, IWAE-K, Rényi-α). */
const chinese = (w: ParamWords | { name: string; description: string }, where: string) => {
  for (const [k, v] of Object.entries(w)) if (typeof v === 'string' && k !== 'name') expect(v, `${where} ${k}`).toMatch(HAN);
};

describe('the catalogue in 简体中文', () => {
  it('has an entry for every target, and none for a target that does not exist', () => {
    expect(keys(zhCatalogue.targets)).toEqual(ids(targets));
  });
  it('words every target’s sliders, caveat and data source, and no slider that is not there', () => {
    for (const t of targets) {
      const w = zhCatalogue.targets[t.id];
      expect(keys(w.params), t.id).toEqual(names(t.params));
      for (const p of Object.values(w.params ?? {})) chinese(p, t.id);
      expect(w.caveat === undefined, `${t.id} caveat`).toBe(t.caveat === undefined);
      expect(w.source === undefined, `${t.id} source`).toBe(t.source === undefined);
      expect(t.params.filter((p) => p.help).map((p) => p.name), `${t.id} help`).toEqual(t.params.filter((p) => w.params?.[p.name].help).map((p) => p.name));
      chinese(w, t.id);
    }
  });
  it('has an entry for every family with its options, and none for one that does not exist', () => {
    expect(keys(zhCatalogue.families)).toEqual(ids(families));
    for (const f of families) {
      const w = zhCatalogue.families[f.id];
      expect(keys(w.options), f.id).toEqual(names(f.options));
      for (const p of Object.values(w.options ?? {})) chinese(p, f.id);
      const refuses = [1, 2].some((d) => f.unsupportedDim?.(d));
      expect(w.unsupportedDim !== undefined, `${f.id} unsupportedDim`).toBe(refuses);
      chinese(w, f.id);
    }
  });
  it('has an entry for every objective with its options and refusals, and none for one that does not exist', () => {
    expect(keys(zhCatalogue.objectives)).toEqual(ids(objectives));
    for (const o of objectives) {
      const w = zhCatalogue.objectives[o.id];
      expect(keys(w.options), o.id).toEqual(names(o.options));
      for (const p of Object.values(w.options ?? {})) chinese(p, o.id);
      const refuses = families.some((f) => o.unsupported(f) !== null);
      expect(w.unsupported !== undefined, `${o.id} unsupported`).toBe(refuses);
      chinese(w, o.id);
    }
  });
  it('has an entry for every estimator and run slider, and none extra', () => {
    expect(keys(zhCatalogue.estimators)).toEqual(ids(estimators));
    for (const e of estimators) chinese(zhCatalogue.estimators[e.id], e.id);
    expect(keys(zhCatalogue.run)).toEqual(names([LR, SAMPLES, SPEED]));
  });
  it('the accessor gives Chinese when the table is there and the spec’s English when not, bounds untouched', () => {
    const zh = catalogueWords(zhCatalogue);
    const en = catalogueWords(null);
    const banana = targets.find((t) => t.id === 'banana');
    if (!banana) throw new Error('banana is registered');
    expect(zh.targetName(banana)).toBe('香蕉形分布');
    expect(en.targetName(banana)).toBe(banana.name);
    const a = zh.targetParam(banana, banana.params[0]);
    expect(a.label).toMatch(HAN);
    expect({ ...a, label: banana.params[0].label, help: banana.params[0].help }).toEqual(banana.params[0]);
    const formula = makeFormulaTargetInfo('-x^2/2', { x: [-5, 5] });
    expect(zh.targetDescription(formula)).toContain('-x^2/2');
    expect(zh.targetDescription(formula)).toMatch(HAN);
    expect(en.targetDescription(formula)).toBe(formula.description);
    const planar = families.find((f) => f.id === 'planar-flow');
    const forward = objectives.find((o) => o.id === 'forward-kl');
    if (!planar || !forward) throw new Error('registered');
    expect(zh.objectiveUnsupported(forward, planar)).toContain('平面流');
    expect(en.objectiveUnsupported(forward, planar)).toBe(forward.unsupported(planar));
    expect(zh.objectiveUnsupported(objectives[0], planar)).toBeNull();
  });
});
