import type { Snapshot } from '../core/engine/snapshot';
import { changeKind, MAX_RUNS } from '../core/rules';
import { type RunSpec, type SessionConfig, runConfigOf } from '../core/session';
import { appendRecord, metricRecord } from '../core/export/history';
import { appendHistory } from './history';
import { type Divergence, type PlaygroundState, type RunView, emptyRun } from './store';

/**
 * Pure changes of the session and its runs: (state, event) → the part of the state that
 * changes. The controller and the engine client apply them; tests call them directly.
 */

/** For each run of the next session, the index of the run it continues (null: a new run). */
export type Keep = readonly (number | null)[];

export interface SessionEdit {
  readonly session: SessionConfig;
  readonly keep: Keep;
}

const identity = (n: number): Keep => Array.from({ length: n }, (_, i) => i);

/** Another run like the last one, or null when the session is full. */
export function addRun(session: SessionConfig, spec?: RunSpec): SessionEdit | null {
  if (session.runs.length >= MAX_RUNS) return null;
  const next = spec ?? session.runs[session.runs.length - 1];
  return { session: { ...session, runs: [...session.runs, next] }, keep: [...identity(session.runs.length), null] };
}

/** A copy of run i, placed after it, starting from step 0 (to be changed in one setting and compared). */
export function duplicateRun(session: SessionConfig, index: number): SessionEdit | null {
  if (session.runs.length >= MAX_RUNS || !session.runs[index]) return null;
  const runs = [...session.runs.slice(0, index + 1), session.runs[index], ...session.runs.slice(index + 1)];
  const keep = [...identity(index + 1), null, ...identity(session.runs.length).slice(index + 1)];
  return { session: { ...session, runs }, keep };
}

/** Run i removed; the last run cannot be (a session has at least one). */
export function removeRun(session: SessionConfig, index: number): SessionEdit | null {
  if (session.runs.length <= 1 || !session.runs[index]) return null;
  return {
    session: { ...session, runs: session.runs.filter((_, i) => i !== index) },
    keep: identity(session.runs.length).filter((i) => i !== index),
  };
}

/**
 * The run views for a new session: a kept run keeps its curves unless the change rebuilds it
 * (rules.ts changeKind), a new run starts empty in a free colour.
 */
export function withSession(s: PlaygroundState, next: SessionConfig, keep: Keep = identity(next.runs.length)): Partial<PlaygroundState> {
  const runs: RunView[] = [];
  next.runs.forEach((_, i) => {
    const from = keep[i];
    const old = from === null || from === undefined ? undefined : s.runs[from];
    if (!old || from === null) {
      runs.push(emptyRun([...runs, ...keptViews(s, keep, i)]));
      return;
    }
    const kind = s.session.runs[from] ? changeKind(runConfigOf(s.session, from), runConfigOf(next, i)) : 'rebuild';
    runs.push(kind === 'rebuild' ? { ...old, snapshot: null, history: [], metrics: [], stepsPerSecond: 0, diverged: null } : old);
  });
  // Another target's field is stale; a moved slider keeps it until the worker sends the new one.
  return { session: next, runs, ...(next.target.id !== s.session.target.id ? { field: null } : {}) };
}

/** Views of runs kept after position i (their colours are taken). */
function keptViews(s: PlaygroundState, keep: Keep, i: number): RunView[] {
  return keep.slice(i + 1).flatMap((k) => (k === null || !s.runs[k] ? [] : [s.runs[k]]));
}

function replaceRun(s: PlaygroundState, index: number, change: (r: RunView) => RunView): Partial<PlaygroundState> {
  if (!s.runs[index]) return {};
  return { runs: s.runs.map((r, i) => (i === index ? change(r) : r)) };
}

export function withSnapshot(s: PlaygroundState, index: number, snapshot: Snapshot, stepsPerSecond: number, halted: boolean): Partial<PlaygroundState> {
  // the full record is append-only (store.ts RunView.metrics), so it is extended in place
  if (s.runs[index]) appendRecord(s.runs[index].metrics, metricRecord(snapshot));
  return replaceRun(s, index, (r) => ({
    ...r,
    snapshot,
    stepsPerSecond: halted ? 0 : stepsPerSecond,
    history: appendHistory(r.history, {
      step: snapshot.step,
      elbo: snapshot.elbo ?? Number.NaN,
      elboStdErr: snapshot.elboStdErr ?? Number.NaN,
      kl: snapshot.klQP ?? Number.NaN,
      logZ: snapshot.logZ,
    }),
  }));
}

export function withDivergence(s: PlaygroundState, index: number, divergence: Divergence | null): Partial<PlaygroundState> {
  return replaceRun(s, index, (r) => ({ ...r, diverged: divergence, ...(divergence ? { stepsPerSecond: 0 } : {}) }));
}

export function withoutDivergences(s: PlaygroundState): Partial<PlaygroundState> {
  return s.runs.some((r) => r.diverged) ? { runs: s.runs.map((r) => (r.diverged ? { ...r, diverged: null } : r)) } : {};
}

/** Every run back to step 0 (Reset): curves cleared, colours and keys kept. */
export function withReset(s: PlaygroundState): Partial<PlaygroundState> {
  return { error: null, runs: s.runs.map((r) => ({ ...r, history: [], metrics: [], diverged: null })) };
}
