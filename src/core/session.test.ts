import { describe, expect, it } from 'vitest';
import { ConfigError, type PlacedProblem, type RunConfig, SPEED, defaultConfig, parseRunConfig } from './config';
import { type SessionConfig, defaultSession, hostOf, parseSession, runConfigOf, runConfigsOf, sessionOf, specOf } from './session';

/** The problems parseSession refuses `input` with (core speaks codes; words are src/words'). */
function refusal(input: unknown): readonly PlacedProblem[] {
  try {
    parseSession(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('parseSession accepted an invalid session');
}

const banana = (familyId: string): RunConfig => defaultConfig('banana', familyId);
const four = sessionOf([banana('mean-field'), banana('full-rank'), banana('mixture'), banana('planar-flow')]);
const withRuns = (runs: readonly unknown[]) => ({ ...four, runs });

describe('sessionOf, runConfigOf, specOf', () => {
  it('a session shares the first config’s target, seed and averaging; each run keeps its own spec', () => {
    expect(four.target).toEqual(banana('mean-field').target);
    expect(four.runs.map((r) => r.family.id)).toEqual(['mean-field', 'full-rank', 'mixture', 'planar-flow']);
    expect(runConfigsOf(four)).toEqual([banana('mean-field'), banana('full-rank'), banana('mixture'), banana('planar-flow')]);
    expect(runConfigOf(four, 2)).toEqual(banana('mixture'));
    expect(specOf(banana('mixture'))).toEqual(four.runs[2]);
  });

  it('host settings default to the default speed on the auto backend', () => {
    expect(hostOf(defaultSession())).toEqual({ speed: SPEED.default, backend: 'auto' });
    expect(hostOf(sessionOf([defaultConfig()], { speed: 10, backend: 'cpu' }))).toEqual({ speed: 10, backend: 'cpu' });
  });
});

describe('parseSession (worker, embed API: strict)', () => {
  it.each([1, 2, 3, 4])('accepts %i run(s) as they are', (n) => {
    const s: SessionConfig = { ...four, runs: four.runs.slice(0, n) };
    expect(parseSession(s)).toEqual(s);
  });

  it.each([0, 5])('refuses %i runs with the run-count code', (n) => {
    const runs = Array.from({ length: n }, () => four.runs[0]);
    expect(refusal(withRuns(runs))).toEqual([{ path: 'runs', problem: { code: 'run-count', got: n, max: 4 } }]);
  });

  it('places a run’s problem under "run N" (N from 1), and names every run that has one', () => {
    const problems = refusal(withRuns([four.runs[0], { ...four.runs[1], lr: 0.9 }, four.runs[2], { ...four.runs[3], optimizer: 'rmsprop' }]));
    expect(problems.map((p) => p.path)).toEqual(['run 2', 'run 4']);
    expect(problems[0].problem).toMatchObject({ code: 'text', text: expect.stringContaining('lr') });
    expect(problems[1].problem).toMatchObject({ code: 'text', text: expect.stringContaining('optimizer') });
  });

  it('a combination problem keeps its code under its run', () => {
    const iwae = { ...four.runs[1], objective: { id: 'iwae', options: { K: 10 } }, samples: 4 };
    expect(refusal(withRuns([four.runs[0], four.runs[1], iwae]))).toEqual([
      { path: 'run 3', problem: { code: 'samples-below-k', samples: 4, K: 10, objective: 'IWAE-K' } },
    ]);
  });

  it('the host settings are checked here: speed and backend', () => {
    expect(refusal({ ...four, backend: 'tpu' })[0].problem).toMatchObject({ code: 'text', text: expect.stringContaining('backend') });
    expect(refusal({ ...four, speed: 1 })[0].problem).toMatchObject({ code: 'text', text: expect.stringContaining('speed') });
    expect(refusal({ ...four, runs: 'all' })).not.toHaveLength(0);
  });

  it('a problem of the shared target is said once, for the session, not under run 1', () => {
    const bad = { ...four, target: { id: 'banana', params: { a: 2, b: 99 } } };
    const problems = refusal(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('');
    expect(problems[0].problem).toMatchObject({ code: 'text', text: expect.stringContaining('target.b') });
  });

  it('the same mistake in some runs names each of them (it is not the session’s)', () => {
    const problems = refusal(withRuns(four.runs.map((r, i) => (i === 1 ? r : { ...r, lr: 0.9 }))));
    expect(problems.map((p) => p.path)).toEqual(['run 1', 'run 3', 'run 4']);
    expect(new Set(problems.map((p) => JSON.stringify(p.problem))).size).toBe(1);
  });

  // The same schema: what parseRunConfig refuses in a run, parseSession refuses, with the same problems.
  const d = defaultConfig();
  const badRuns: [string, RunConfig | Record<string, unknown>][] = [
    ['lr out of range', { ...d, lr: 0.9 }],
    ['lr as a string', { ...d, lr: '0.1' }],
    ['fractional samples', { ...d, samples: 12.5 }],
    ['an unknown family', { ...d, family: { id: 'flow', options: {} } }],
    ['an unknown family option', { ...d, family: { id: 'mixture', options: { K: 3, bogus: 1 } } }],
    ['an unknown objective', { ...d, objective: { id: 'elbo2', options: {} } }],
    ['an unknown estimator', { ...d, estimator: 'pathwise' }],
    ['an unknown optimiser', { ...d, optimizer: 'rmsprop' }],
    ['forward KL with a planar flow', { ...d, family: { id: 'planar-flow', options: { layers: 8 } }, objective: { id: 'forward-kl', options: {} } }],
    ['score with forward KL', { ...d, objective: { id: 'forward-kl', options: {} }, estimator: 'score' }],
    ['IWAE with fewer samples than K', { ...d, objective: { id: 'iwae', options: { K: 10 } }, samples: 4 }],
  ];

  it.each(badRuns)('%s: refused by both, with the same problems', (_, run) => {
    let single: readonly PlacedProblem[] = [];
    try {
      parseRunConfig(run);
    } catch (e) {
      if (e instanceof ConfigError) single = e.problems;
    }
    expect(single).not.toHaveLength(0);
    const { target: _t, seed: _s, averaging: _a, ...spec } = run;
    // One run: placed as parseRunConfig places it; among two, under "run 2".
    expect(refusal({ ...sessionOf([d]), runs: [spec] })).toEqual(single);
    expect(refusal({ ...sessionOf([d]), runs: [specOf(d), spec] })).toEqual(single.map((p) => ({ ...p, path: 'run 2' })));
  });
});
