import { describe, expect, it } from 'vitest';
import { type RunConfig, defaultConfig } from '../core/config';
import type { Snapshot } from '../core/engine/snapshot';
import { type SessionConfig, sessionOf } from '../core/session';
import { addRun, duplicateRun, removeRun, withDivergence, withReset, withSession, withSnapshot, withoutDivergences } from './sessionReducers';
import { DEFAULT_VIEW, type PlaygroundState, initialState } from './store';

const banana = (familyId: string, change: Partial<RunConfig> = {}): RunConfig => ({ ...defaultConfig('banana', familyId), ...change });
const FAMILIES = ['mean-field', 'full-rank', 'mixture', 'planar-flow'];
const sessionOfFamilies = (n: number): SessionConfig => sessionOf(FAMILIES.slice(0, n).map((f) => banana(f)));

/** A snapshot at `step`: only the fields the reducers read matter; the rest are plausible. */
function snapshot(step: number): Snapshot {
  return {
    step,
    density: 'anywhere',
    elbo: -1 - 1 / (step + 1),
    elboStdErr: 0.01,
    evalSamples: 256,
    objectiveBound: null,
    cubo: null,
    khat: null,
    gradSnr: null,
    fastPath: true,
    gradSnrStep: 0,
    readoutStep: 0,
    logZ: 0,
    warnings: [],
    averagedOver: 0,
    mean: [0, 0],
    cov: [
      [1, 0],
      [0, 1],
    ],
    params: {},
    samples: new Float32Array(0),
    logq: null,
    fieldVersion: 1,
    klQP: 1 / (step + 1),
    klMethod: 'quadrature',
    klStdErr: null,
    klReason: null,
    klPQ: null,
    klPQMethod: 'unavailable',
    qMassInside: 1,
  };
}

/** A state whose runs have trained a few steps (snapshots and curves). */
function trained(session: SessionConfig): PlaygroundState {
  let s = initialState(session, DEFAULT_VIEW, []);
  for (let i = 0; i < session.runs.length; i++) for (const step of [10, 20]) s = { ...s, ...withSnapshot(s, i, snapshot(step), 500, false) };
  return s;
}

/** Apply an edit (add/duplicate/remove) to a state, as the controller does. */
function applied(s: PlaygroundState, edit: ReturnType<typeof addRun>): PlaygroundState {
  if (!edit) throw new Error('the edit was refused');
  return { ...s, ...withSession(s, edit.session, edit.keep) };
}

describe('addRun, duplicateRun, removeRun: sessions of 1 to 4 runs', () => {
  it('addRun appends a copy of the last run as a new run; none past four', () => {
    const s = sessionOfFamilies(2);
    const edit = addRun(s);
    expect(edit?.session.runs).toEqual([...s.runs, s.runs[1]]);
    expect(edit?.keep).toEqual([0, 1, null]);
    expect(addRun(sessionOfFamilies(4))).toBeNull();
    expect(addRun(s, s.runs[0])?.session.runs[2]).toBe(s.runs[0]);
  });

  it('duplicateRun places the copy right after its run, as a new run', () => {
    const s = sessionOfFamilies(3);
    const edit = duplicateRun(s, 0);
    expect(edit?.session.runs.map((r) => r.family.id)).toEqual(['mean-field', 'mean-field', 'full-rank', 'mixture']);
    expect(edit?.keep).toEqual([0, null, 1, 2]);
    expect(duplicateRun(sessionOfFamilies(4), 0)).toBeNull();
    expect(duplicateRun(s, 3)).toBeNull();
  });

  it('removeRun keeps the others in order; the last run cannot go', () => {
    const s = sessionOfFamilies(4);
    const edit = removeRun(s, 1);
    expect(edit?.session.runs.map((r) => r.family.id)).toEqual(['mean-field', 'mixture', 'planar-flow']);
    expect(edit?.keep).toEqual([0, 2, 3]);
    expect(removeRun(sessionOfFamilies(1), 0)).toBeNull();
    expect(removeRun(s, 4)).toBeNull();
  });

  it('edits never change the session they are given', () => {
    const s = sessionOfFamilies(2);
    const before = JSON.stringify(s);
    addRun(s);
    duplicateRun(s, 1);
    removeRun(s, 0);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('colours and keys', () => {
  it('runs start in colours 0, 1, 2, 3 with distinct keys', () => {
    const s = initialState(sessionOfFamilies(4), DEFAULT_VIEW, []);
    expect(s.runs.map((r) => r.colour)).toEqual([0, 1, 2, 3]);
    expect(new Set(s.runs.map((r) => r.key)).size).toBe(4);
  });

  it('removing a run recolours none; a new run then takes the first free colour', () => {
    const four = trained(sessionOfFamilies(4));
    const three = applied(four, removeRun(four.session, 1));
    expect(three.runs.map((r) => r.colour)).toEqual([0, 2, 3]);
    expect(three.runs.map((r) => r.key)).toEqual([four.runs[0].key, four.runs[2].key, four.runs[3].key]);
    const again = applied(three, addRun(three.session));
    expect(again.runs.map((r) => r.colour)).toEqual([0, 2, 3, 1]);
  });

  it('a duplicate takes the first colour no kept run has, wherever it is placed', () => {
    const four = trained(sessionOfFamilies(4));
    const three = applied(four, removeRun(four.session, 0));
    expect(three.runs.map((r) => r.colour)).toEqual([1, 2, 3]);
    const dup = applied(three, duplicateRun(three.session, 2));
    expect(dup.runs.map((r) => r.colour)).toEqual([1, 2, 3, 0]);
    const mid = applied(three, duplicateRun(three.session, 0));
    expect(mid.runs.map((r) => r.colour)).toEqual([1, 0, 2, 3]);
  });

  it('a new or duplicated run starts empty; the runs it sits beside keep their curves', () => {
    const two = trained(sessionOfFamilies(2));
    const dup = applied(two, duplicateRun(two.session, 0));
    expect(dup.runs[1]).toMatchObject({ snapshot: null, history: [], stepsPerSecond: 0, diverged: null });
    expect(dup.runs[0]).toBe(two.runs[0]);
    expect(dup.runs[2]).toBe(two.runs[1]);
  });
});

describe('withSession: live changes keep curves, rebuilt runs start again', () => {
  const edited = (s: PlaygroundState, index: number, change: Partial<RunConfig>): SessionConfig => ({
    ...s.session,
    runs: s.session.runs.map((r, i) => (i === index ? { ...r, ...change } : r)),
  });

  it('a live change (lr, samples) keeps the run’s view as it is', () => {
    const s = trained(sessionOfFamilies(3));
    const next = { ...s, ...withSession(s, edited(s, 1, { lr: 0.01, samples: 64 })) };
    expect(next.runs).toEqual(s.runs);
    for (const [i, r] of next.runs.entries()) expect(r).toBe(s.runs[i]);
  });

  it('a rebuilding change (family, estimator) clears that run only, keeping its key and colour', () => {
    const s = trained(sessionOfFamilies(3));
    const next = { ...s, ...withSession(s, edited(s, 1, { family: banana('student-t').family })) };
    expect(next.runs[1]).toEqual({ key: s.runs[1].key, colour: s.runs[1].colour, snapshot: null, history: [], metrics: [], stepsPerSecond: 0, diverged: null });
    expect(next.runs[0]).toBe(s.runs[0]);
    expect(next.runs[2]).toBe(s.runs[2]);
  });

  it('a shared change reaches every run: a target slider is live, the seed rebuilds all', () => {
    const s = trained(sessionOfFamilies(2));
    const slid = withSession(s, { ...s.session, target: { ...s.session.target, params: { ...s.session.target.params, b: 0.3 } } });
    expect(slid.runs).toEqual(s.runs);
    const reseeded = withSession(s, { ...s.session, seed: 2 });
    for (const r of reseeded.runs ?? []) expect(r.history).toEqual([]);
  });

  it('another target also forgets the plot field; a slider does not', () => {
    const s = { ...trained(sessionOfFamilies(1)), field: null };
    expect(withSession(s, { ...s.session, target: { id: 'donut', params: {} } })).toHaveProperty('field', null);
    expect(withSession(s, { ...s.session, target: { ...s.session.target, params: { a: 2, b: 0.3 } } })).not.toHaveProperty('field');
  });

  it('a fresh set of runs (keep all null, a new link) starts every run empty', () => {
    const s = trained(sessionOfFamilies(2));
    const next = withSession(s, s.session, [null, null]);
    expect(next.runs?.map((r) => r.history)).toEqual([[], []]);
    expect(next.runs?.map((r) => r.colour)).toEqual([0, 1]);
  });
});

describe('per-run events touch one run only', () => {
  it('withSnapshot: that run’s snapshot, speed and curve', () => {
    const s = trained(sessionOfFamilies(3));
    const next = { ...s, ...withSnapshot(s, 1, snapshot(30), 800, false) };
    expect(next.runs[1].snapshot?.step).toBe(30);
    expect(next.runs[1].stepsPerSecond).toBe(800);
    expect(next.runs[1].history.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(next.runs[0]).toBe(s.runs[0]);
    expect(next.runs[2]).toBe(s.runs[2]);
    expect(withSnapshot(s, 1, snapshot(31), 800, true).runs?.[1].stepsPerSecond).toBe(0);
  });

  it('an event for a run that no longer exists changes nothing', () => {
    const s = trained(sessionOfFamilies(2));
    expect(withSnapshot(s, 5, snapshot(30), 800, false)).toEqual({});
    expect(withDivergence(s, 5, { step: 3, message: 'NaN' })).toEqual({});
  });

  it('withDivergence halts one run (0 steps/s); clearing it leaves the speed to the next snapshot', () => {
    const s = trained(sessionOfFamilies(3));
    const halted = { ...s, ...withDivergence(s, 2, { step: 21, message: 'NaN' }) };
    expect(halted.runs[2]).toMatchObject({ diverged: { step: 21, message: 'NaN' }, stepsPerSecond: 0 });
    expect(halted.runs[0]).toBe(s.runs[0]);
    expect(halted.runs[1]).toBe(s.runs[1]);
    const cleared = { ...halted, ...withDivergence(halted, 2, null) };
    expect(cleared.runs[2].diverged).toBeNull();
  });

  it('withoutDivergences clears every halt, and is a no-op when there is none', () => {
    const s = trained(sessionOfFamilies(2));
    expect(withoutDivergences(s)).toEqual({});
    const halted = { ...s, ...withDivergence(s, 0, { step: 1, message: 'x' }) };
    expect(withoutDivergences(halted).runs?.map((r) => r.diverged)).toEqual([null, null]);
  });
});

describe('withReset', () => {
  it('clears every run’s curves and halts and the engine error; keys and colours stay', () => {
    const s = trained(sessionOfFamilies(3));
    const halted = { ...s, ...withDivergence(s, 1, { step: 2, message: 'x' }), error: { kind: 'internal' as const, message: 'boom', said: { code: 'engine-text' as const, text: 'boom' } } };
    const reset = { ...halted, ...withReset(halted) };
    expect(reset.error).toBeNull();
    expect(reset.runs.map((r) => r.history)).toEqual([[], [], []]);
    expect(reset.runs.map((r) => r.diverged)).toEqual([null, null, null]);
    expect(reset.runs.map((r) => [r.key, r.colour])).toEqual(s.runs.map((r) => [r.key, r.colour]));
  });
});

describe('the full metric record (Export menu)', () => {
  it('keeps one record per snapshot, unthinned, and starts afresh on reset', () => {
    const s0 = initialState(sessionOf([defaultConfig()]), DEFAULT_VIEW, []);
    let s = s0;
    const base = s0.runs[0];
    for (let step = 1; step <= 2500; step++) {
      s = { ...s, ...withSnapshot(s, 0, snapshot(step), 100, false) };
    }
    expect(s.runs[0].metrics).toHaveLength(2500);
    expect(s.runs[0].history.length).toBeLessThanOrEqual(2000);
    expect(s.runs[0].metrics[0].step).toBe(1);
    expect(base.key).toBe(s.runs[0].key);
    const reset = { ...s, ...withReset(s) };
    expect(reset.runs[0].metrics).toHaveLength(0);
    expect(s.runs[0].metrics).toHaveLength(2500);
  });
});
