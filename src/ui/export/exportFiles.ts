import { type RunHistory, historyCsv, historyJson } from '../../core/export/history';
import { numpyroScript } from '../../core/export/numpyro';
import { pymcScript } from '../../core/export/pymc';
import { type FitResult, fitSummary, ownSpaceMoments } from '../../core/export/summary';
import { runConfigOf } from '../../core/session';
import { resolveTarget } from '../../core/targets/resolveSpec';
import type { PlaygroundState } from '../../state/store';

/**
 * The Export menu's files, from the store's state (docs/export.md): the full metric history of
 * every run, each run's summary (the shape `npm run fit -- --json` prints) and its scripts.
 */

/** Steps a script takes when its run has not stepped yet: the CLI's default. */
export const DEFAULT_SCRIPT_STEPS = 3000;

/** A file-name stem: the target id, and the run when there are several. */
export function fileStem(s: PlaygroundState, run?: number): string {
  const base = `vi-playground-${s.session.target.id}`;
  return run === undefined || s.runs.length === 1 ? base : `${base}-run${run + 1}`;
}

function histories(s: PlaygroundState): RunHistory[] {
  return s.runs.map((r, i) => ({ run: i, config: runConfigOf(s.session, i), records: r.metrics }));
}

export const metricsCsv = (s: PlaygroundState): string => historyCsv(histories(s));
export const metricsJson = (s: PlaygroundState): string => historyJson(histories(s));

/**
 * Each run's summary (null before its first snapshot). A constrained target's own-space moments
 * come from the snapshot's display draws (300), where the CLI uses 20,000: `momentDraws` says so.
 */
export function summaries(s: PlaygroundState): (FitResult | null)[] {
  const target = resolveTarget(s.session.target);
  return s.runs.map((r, i) => {
    const snap = r.snapshot;
    if (!snap || !target) return null;
    const own = ownSpaceMoments(target.constraint, snap, snap.samples, target.dim);
    return fitSummary(runConfigOf(s.session, i), snap, own, s.backend ?? 'unknown', r.stepsPerSecond > 0 ? 1 / r.stepsPerSecond : null);
  });
}

/** One run's summary as `fit --json` prints it, or every run's as an array. */
export function summaryJson(s: PlaygroundState): string {
  const all = summaries(s);
  return `${JSON.stringify(all.length === 1 ? all[0] : all, null, 1)}\n`;
}

export function script(s: PlaygroundState, run: number, library: 'numpyro' | 'pymc'): string {
  const config = runConfigOf(s.session, run);
  const steps = s.runs[run]?.snapshot?.step || DEFAULT_SCRIPT_STEPS;
  return library === 'numpyro' ? numpyroScript(config, steps) : pymcScript(config, steps);
}
