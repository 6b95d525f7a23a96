import { describe, expect, it } from 'vitest';
import { ConfigError, type RunConfig, defaultConfig, parseRunConfig } from './config';
import { families } from './families/registry';
import type { FamilyInfo } from './families/types';
import { objectives } from './objectives/registry';
import type { ObjectiveInfo } from './objectives/types';
import { type ChangeKind, MAX_RUNS, type Problem, changeKind, dimensionProblem, incompatibility, runProblems, samplesProblem } from './rules';
import { findTarget, targets } from './targets/registry';
import type { TargetInfo } from './targets/types';

/** Lookups that fail the test loudly instead of returning undefined. */
function find<T extends { readonly id: string }>(list: readonly T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no "${id}" in the registry`);
  return found;
}
const family = (id: string): FamilyInfo => find(families, id);
const objective = (id: string): ObjectiveInfo => find(objectives, id);
const target = (id: string): TargetInfo => {
  const t = findTarget(id);
  if (!t) throw new Error(`no target "${id}"`);
  return t;
};

/** The codes parseRunConfig refuses a config with (core speaks codes; words are src/words'). */
function refusedCodes(c: RunConfig): Problem['code'][] {
  try {
    parseRunConfig(c);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => p.problem.code);
    throw e;
  }
  return [];
}

describe('samplesProblem: IWAE-K needs at least K samples per step', () => {
  it('samples-below-k with the numbers and the objective, only when samples < K', () => {
    expect(samplesProblem(3, { K: 5 }, objective('iwae'))).toEqual({ code: 'samples-below-k', samples: 3, K: 5, objective: 'IWAE-K' });
    expect(samplesProblem(5, { K: 5 }, objective('iwae'))).toBeNull();
    expect(samplesProblem(64, { K: 5 }, objective('iwae'))).toBeNull();
  });

  it('objectives without K have no such rule', () => {
    expect(samplesProblem(1, {}, objective('reverse-kl'))).toBeNull();
    expect(samplesProblem(1, { alpha: 0.5 }, objective('renyi'))).toBeNull();
  });

  it('the schema refuses it with the code', () => {
    const c = { ...defaultConfig(), objective: { id: 'iwae', options: { K: 10 } }, samples: 4 };
    expect(refusedCodes(c)).toEqual(['samples-below-k']);
  });
});

describe('dimensionProblem: a family that cannot represent the target’s dimension', () => {
  it('RealNVP on a 1D target is family-dim; every other family fits every target', () => {
    for (const t of targets) {
      for (const f of families) {
        const p = dimensionProblem(t, f);
        if (f.id === 'realnvp' && t.dim === 1) expect(p).toMatchObject({ code: 'family-dim', family: 'RealNVP', target: t.name });
        else expect(p, `${f.id} on ${t.id}`).toBeNull();
      }
    }
  });

  it('the schema refuses it with the code', () => {
    expect(refusedCodes({ ...defaultConfig('bimodal-1d'), family: { id: 'realnvp', options: defaultConfig('banana', 'realnvp').family.options } })).toEqual([
      'family-dim',
    ]);
  });
});

describe('incompatibility: family × objective × estimator', () => {
  it('forward KL with a family without density anywhere is objective-family (it needs log q on the grid)', () => {
    const withoutDensity = families.filter((f) => f.fittedBy === 'objective' && f.density !== 'anywhere');
    expect(withoutDensity.map((f) => f.id)).toEqual(expect.arrayContaining(['planar-flow', 'radial-flow']));
    for (const f of withoutDensity) {
      expect(incompatibility(f, objective('forward-kl'), 'reparam')).toMatchObject({ code: 'objective-family', objective: 'Forward KL', family: f.name });
    }
    for (const f of families.filter((s) => s.density === 'anywhere')) expect(incompatibility(f, objective('forward-kl'), 'reparam')).toBeNull();
  });

  it('an estimator the objective does not take is estimator-objective, listing the ones it does', () => {
    expect(incompatibility(family('full-rank'), objective('forward-kl'), 'score')).toEqual({
      code: 'estimator-objective',
      objective: 'Forward KL',
      estimator: 'score',
      estimators: ['reparam'],
      ids: { family: 'full-rank', objective: 'forward-kl' },
    });
    expect(incompatibility(family('full-rank'), objective('iwae'), 'score')).toMatchObject({ code: 'estimator-objective', estimators: ['reparam', 'stl'] });
    expect(incompatibility(family('full-rank'), objective('iwae'), 'stl')).toBeNull();
  });

  it('score (and stl) on a family that knows log q only at its samples is estimator-density', () => {
    for (const estimator of ['score', 'stl'] as const) {
      expect(incompatibility(family('planar-flow'), objective('reverse-kl'), estimator)).toEqual({ code: 'estimator-density', estimator, family: 'Planar flow', ids: { family: 'planar-flow', objective: 'reverse-kl' } });
    }
    expect(incompatibility(family('planar-flow'), objective('reverse-kl'), 'reparam')).toBeNull();
    expect(incompatibility(family('full-rank'), objective('reverse-kl'), 'score')).toBeNull();
  });

  it('the objective’s own refusal is named before the estimator’s', () => {
    expect(incompatibility(family('planar-flow'), objective('forward-kl'), 'score')?.code).toBe('objective-family');
  });

  it('families with their own fitting rule (MAP, SVGD) take any objective and estimator', () => {
    for (const f of families.filter((s) => s.fittedBy !== 'objective')) {
      for (const o of objectives) for (const e of ['reparam', 'score', 'score-plain', 'stl'] as const) expect(incompatibility(f, o, e)).toBeNull();
    }
  });

  it('the schema refuses each with its code', () => {
    const d = defaultConfig('banana');
    const flow = { id: 'planar-flow', options: defaultConfig('banana', 'planar-flow').family.options };
    expect(refusedCodes({ ...d, family: flow, objective: { id: 'forward-kl', options: {} } })).toEqual(['objective-family']);
    expect(refusedCodes({ ...d, objective: { id: 'forward-kl', options: {} }, estimator: 'score' })).toEqual(['estimator-objective']);
    expect(refusedCodes({ ...d, family: flow, estimator: 'score' })).toEqual(['estimator-density']);
  });
});

describe('runProblems: every rule of a run, in reading order', () => {
  it('no problem for the default run of any target', () => {
    for (const t of targets) {
      const c = defaultConfig(t.id);
      expect(runProblems(t, family(c.family.id), objective(c.objective.id), { estimator: c.estimator, samples: c.samples, objectiveOptions: {} })).toEqual([]);
    }
  });

  it('samples, then dimension, then the combination', () => {
    const problems = runProblems(target('bimodal-1d'), family('realnvp'), objective('iwae'), { estimator: 'score', samples: 2, objectiveOptions: { K: 5 } });
    expect(problems.map((p) => p.code)).toEqual(['samples-below-k', 'family-dim', 'estimator-objective']);
  });

  it('MAX_RUNS is four (docs/link-format.md)', () => {
    expect(MAX_RUNS).toBe(4);
  });
});

describe('changeKind: how a change reaches a running run', () => {
  const base: RunConfig = defaultConfig('banana', 'mixture');
  const cases: [string, (c: RunConfig) => RunConfig, ChangeKind][] = [
    ['nothing', (c) => ({ ...c }), 'same'],
    ['a target parameter (slider)', (c) => ({ ...c, target: { ...c.target, params: { ...c.target.params, b: 0.3 } } }), 'live'],
    ['the learning rate', (c) => ({ ...c, lr: 0.01 }), 'live'],
    ['the samples', (c) => ({ ...c, samples: 64 }), 'live'],
    ['averaging', (c) => ({ ...c, averaging: !c.averaging }), 'live'],
    ['the target', (c) => ({ ...c, target: { id: 'donut', params: {} } }), 'rebuild'],
    ['the formula', (c) => ({ ...c, target: { ...c.target, formula: '-x^2/2' } }), 'rebuild'],
    ['the formula domain', (c) => ({ ...c, target: { ...c.target, domain: { x: [-3, 3] as const } } }), 'rebuild'],
    ['the family', (c) => ({ ...c, family: { id: 'full-rank', options: {} } }), 'rebuild'],
    ['a family option', (c) => ({ ...c, family: { ...c.family, options: { ...c.family.options, K: 4 } } }), 'rebuild'],
    ['the objective', (c) => ({ ...c, objective: { id: 'iwae', options: { K: 5 } } }), 'rebuild'],
    ['an objective option', (c) => ({ ...c, objective: { id: 'renyi', options: { alpha: 0.3 } } }), 'rebuild'],
    ['the estimator', (c) => ({ ...c, estimator: 'stl' }), 'rebuild'],
    ['the optimiser', (c) => ({ ...c, optimizer: 'sgd' }), 'rebuild'],
    ['the seed', (c) => ({ ...c, seed: 2 }), 'rebuild'],
    ['a live and a rebuilding change together', (c) => ({ ...c, lr: 0.01, seed: 2 }), 'rebuild'],
  ];

  it.each(cases)('%s → %s', (_, change, kind) => {
    expect(changeKind(base, change(base))).toBe(kind);
  });

  it('an objective option change against the same objective rebuilds too', () => {
    const renyi = { ...base, objective: { id: 'renyi', options: { alpha: 0.5 } } };
    expect(changeKind(renyi, { ...renyi, objective: { id: 'renyi', options: { alpha: 0.3 } } })).toBe('rebuild');
  });
});
