import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RunConfig, SPEED, defaultConfig } from './config';
import { type SessionConfig, type RunSpec, sessionOf } from './session';
import { type Flat, codeText, resolveFlat, resolveSession, toFlat, toFlatSession } from './sessionFlat';
import { validSession } from './testing/fuzzInputs';

const FOUR = 'mean-field,full-rank,mixture,planar-flow';
const read = (flat: Flat) => resolveSession(flat);
const banana = (familyId: string, change: Partial<RunConfig> = {}): RunConfig => ({ ...defaultConfig('banana', familyId), ...change });

describe('comma lists: one value per run', () => {
  it(`family=${FOUR} gives four runs, each with its family's default options`, () => {
    const { session, problems } = read({ target: 'banana', family: FOUR });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.family)).toEqual(['mean-field', 'full-rank', 'mixture', 'planar-flow'].map((f) => banana(f).family));
  });

  it('one value applies to every run', () => {
    const { session, problems } = read({ family: FOUR, lr: '0.1' });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.lr)).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('a list of another length is reported (list-length) and its first value is used for every run', () => {
    const { session, problems, errors } = read({ family: FOUR, lr: '0.1,0.2' });
    expect(errors).toEqual([codeText({ code: 'list-length', key: 'lr', got: 2, runs: 4 })]);
    expect(problems[0].endsWith('; using "0.1" for every run.')).toBe(true);
    expect(session.runs.map((r) => r.lr)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(session.runs.map((r) => r.family.id)).toEqual(FOUR.split(','));
  });

  it('more than four values: run-count, and the first four runs are kept (lists as long are cut, not refused)', () => {
    const { session, errors } = read({ family: `${FOUR},full-rank`, lr: '0.1,0.2,0.3,0.4,0.5', samples: '64' });
    expect(errors).toEqual([codeText({ code: 'run-count', got: 5, max: 4 })]);
    expect(session.runs.map((r) => r.family.id)).toEqual(FOUR.split(','));
    expect(session.runs.map((r) => r.lr)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(session.runs.map((r) => r.samples)).toEqual([64, 64, 64, 64]);
  });

  it('an empty entry is that run’s default', () => {
    const { session, problems } = read({ family: 'mean-field,,mixture', lr: ',0.2,' });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.family.id)).toEqual(['mean-field', defaultConfig().family.id, 'mixture']);
    expect(session.runs.map((r) => r.lr)).toEqual([defaultConfig().lr, 0.2, defaultConfig().lr]);
  });
});

describe('per-run options (family.X, objective.X)', () => {
  it('family.K=,3: positional; the first run has no K (mean-field), the second gets 3', () => {
    const { session, problems } = read({ family: 'mean-field,mixture', 'family.K': ',3' });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.family)).toEqual([banana('mean-field').family, { id: 'mixture', options: { K: 3 } }]);
  });

  it('an empty entry is that run’s default option', () => {
    const { session } = read({ family: 'mixture,mixture', 'family.K': ',5' });
    expect(session.runs.map((r) => r.family.options.K)).toEqual([banana('mixture').family.options.K, 5]);
  });

  it('one value goes to every run that has the option', () => {
    const { session, problems } = read({ family: 'mean-field,mixture,mixture', 'family.K': '4' });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.family.options)).toEqual([{}, { K: 4 }, { K: 4 }]);
  });

  it('objective options per run, IWAE beside reverse KL', () => {
    const { session, problems } = read({ objective: 'reverse-kl,iwae', 'objective.K': ',8', samples: '64' });
    expect(problems).toEqual([]);
    expect(session.runs.map((r) => r.objective)).toEqual([
      { id: 'reverse-kl', options: {} },
      { id: 'iwae', options: { K: 8 } },
    ]);
  });

  it('a wrong-length option list whose first entry is empty falls back to the default, reported once', () => {
    const { session, errors, problems } = read({ family: 'mixture,mixture,mixture', 'family.K': ',3' });
    expect(errors).toEqual([codeText({ code: 'list-length', key: 'family.K', got: 2, runs: 3 })]);
    expect(problems[0].endsWith('; using the default for every run.')).toBe(true);
    expect(session.runs.map((r) => r.family.options.K)).toEqual([3, 3, 3].map(() => banana('mixture').family.options.K));
  });
});

describe('each run falls back on its own, and the message names it', () => {
  it('forward KL cannot fit a planar flow: run 1 falls back, run 2 keeps forward KL', () => {
    const { session, errors } = read({ target: 'banana', family: 'planar-flow,full-rank', objective: 'forward-kl' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^run 1: objective-family /);
    expect(session.runs.map((r) => r.objective.id)).toEqual(['reverse-kl', 'forward-kl']);
  });

  it('RealNVP on a 1D target: only that run changes family', () => {
    const { session, errors } = read({ target: 'bimodal-1d', family: 'realnvp,mean-field' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^run 1: family-dim /);
    expect(session.runs.map((r) => r.family.id)).toEqual([defaultConfig().family.id, 'mean-field']);
  });

  it('IWAE with fewer samples than K in one run raises that run’s samples to K', () => {
    const { session, errors } = read({ objective: 'iwae', 'objective.K': '10', samples: '5,20' });
    expect(errors).toEqual([`run 1: ${codeText({ code: 'samples-below-k', samples: 5, K: 10, objective: 'IWAE-K' })}`]);
    expect(session.runs.map((r) => r.samples)).toEqual([10, 20]);
  });
});

describe('a single-run link reads and writes as before sessions', () => {
  it('the flat form of one run has the same keys, in the same order, with single values', () => {
    const c = banana('mixture', { objective: { id: 'iwae', options: { K: 8 } }, lr: 0.01, samples: 64, averaging: true });
    const flat = toFlat(c, { speed: 500, backend: 'cpu' });
    expect(flat).toEqual({
      target: 'banana',
      'target.a': '2',
      'target.b': '0.2',
      family: 'mixture',
      'family.K': '3',
      objective: 'iwae',
      'objective.K': '8',
      estimator: 'reparam',
      optimizer: 'adam',
      lr: '0.01',
      samples: '64',
      seed: '1',
      speed: '500',
      backend: 'cpu',
      averaging: 'on',
    });
    expect(Object.keys(flat)).toEqual(['target', 'target.a', 'target.b', 'family', 'family.K', 'objective', 'objective.K', 'estimator', 'optimizer', 'lr', 'samples', 'seed', 'speed', 'backend', 'averaging']);
    expect(resolveFlat(flat)).toEqual({ config: c, host: { speed: 500, backend: 'cpu' }, problems: [], errors: [] });
  });

  it('problems come in the order they always came (the CLI reports the first)', () => {
    const { errors } = resolveFlat({ averaging: 'x', seed: 'x', lr: 'x', 'target.rho': 'x', bogus: '1', family: 'x' });
    const order = [/^unknown family "x"/, /^unknown setting "bogus"; valid: formula, domain, target, family, /, /^target\.rho /, /^lr /, /^seed /, /^unknown averaging "x"/];
    expect(errors).toHaveLength(order.length);
    for (const [i, e] of errors.entries()) expect(e).toMatch(order[i]);
  });

  it('the default link is the default config on the default host', () => {
    expect(resolveFlat({})).toEqual({ config: defaultConfig(), host: { speed: SPEED.default, backend: 'auto' }, problems: [], errors: [] });
  });
});

describe('toFlatSession → resolveSession round trip', () => {
  const roundTrip = (s: SessionConfig) => {
    const { session, problems } = resolveSession(toFlatSession(s));
    expect(problems).toEqual([]);
    expect(session).toEqual(s);
  };

  it('four runs that differ in family, options, objective, estimator, optimiser, lr and samples', () => {
    const s = sessionOf(
      [
        banana('mean-field', { estimator: 'stl' }),
        banana('full-rank', { objective: { id: 'iwae', options: { K: 8 } }, samples: 64, optimizer: 'sgd', lr: 0.01 }),
        banana('mixture', { family: { id: 'mixture', options: { K: 5 } }, objective: { id: 'renyi', options: { alpha: 0.3 } } }),
        banana('planar-flow', { family: { id: 'planar-flow', options: { layers: 4 } }, lr: 0.2 }),
      ],
      { speed: 100, backend: 'webgl' },
    );
    const flat = toFlatSession(s);
    // Lists only where the runs differ; readable values, one per run. An option only one run
    // has is one value (the runs without it ignore it).
    expect(flat.family).toBe(FOUR);
    expect(flat['family.K']).toBe('5');
    expect(flat.lr).toBe('0.05,0.01,0.05,0.2');
    expect(flat.seed).toBe('1');
    roundTrip(s);
  });

  it('a formula target (whose domain has commas of its own) with two runs', () => {
    const formula = { id: 'formula', params: {}, formula: 'logsumexp(-x^2, -(x-1)^2/0.5)', domain: { x: [-4, 4] as const } };
    const s = sessionOf([{ ...defaultConfig(), target: formula, family: { id: 'mean-field', options: {} } }, { ...defaultConfig(), target: formula }]);
    roundTrip(s);
  });

  it('runs that agree on everything stay as many runs (a duplicated run survives the link)', () => {
    for (const n of [2, 3, 4]) {
      const s = sessionOf(Array.from({ length: n }, () => banana('full-rank')));
      roundTrip(s);
    }
    const mixed = sessionOf([banana('mixture'), banana('full-rank'), banana('mixture')]);
    roundTrip({ ...mixed, runs: [...mixed.runs, mixed.runs[0]] });
  });

  it('property: any valid session of 1–4 runs, also with a duplicated run', () => {
    const withCopy = fc.tuple(validSession, fc.nat()).map(([s, k]): SessionConfig => {
      if (s.runs.length >= 4) return s;
      const copy: RunSpec = s.runs[k % s.runs.length];
      return { ...s, runs: [...s.runs, copy] };
    });
    fc.assert(
      fc.property(fc.oneof(validSession, withCopy), (s) => {
        const { session, problems } = resolveSession(toFlatSession(s));
        expect(problems).toEqual([]);
        expect(session).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });
});
