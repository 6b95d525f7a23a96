import type { RunConfig } from '../core/config';
import { echo } from '../core/numbers';
import { MAX_RUNS } from '../core/rules';
import { RUN_KEYS, hostOf, runConfigOf } from '../core/session';
import { type FlatConfig, type Resolved, resolveSession } from '../core/sessionFlat';
import { wordProblem } from '../words/problems';
import { Run } from '../core/engine/run';
import { type MetricRecord, appendRecord, metricRecord } from '../core/export/history';
import { type FitResult, fitSummary } from '../core/export/summary';
import { tf } from '../core/tf';
import { cliOwnSpaceMoments } from './ownSpace';

export type { FitResult } from '../core/export/summary';

/**
 * The CLI's reading of its flat settings: as a link (the same reader, in the same words), except
 * that iterate averaging is on unless set. The CLI fits one run: comma lists that make a session
 * of several runs (--family mean-field,full-rank) are an error, named first, so fit exits 2.
 */
export function resolveCliConfig(flat: FlatConfig): Resolved {
  const { session, problems, errors } = resolveSession({ averaging: 'on', ...flat }, wordProblem);
  const resolved = { config: runConfigOf(session, 0), host: hostOf(session), problems, errors };
  if (session.runs.length <= 1) return resolved;
  const lists = RUN_KEYS.flatMap((key) => {
    const v = Object.hasOwn(flat, key) ? flat[key] : undefined;
    return v?.includes(',') ? [`${key} has ${v.split(',').length} values ("${echo(v)}")`] : [];
  });
  const oneRun = `the CLI fits one run, but ${lists.join(' and ')}; give each option one value (the page compares up to ${MAX_RUNS} runs side by side)`;
  return { ...resolved, problems: [`${oneRun}; fitting the first run.`, ...problems], errors: [oneRun, ...errors] };
}

/**
 * The CLI's fit: `steps` steps of `config`, then one read-out (and, given `history`, one record
 * per 100 steps). Throws DivergenceError (run.ts)
 * when q's parameters stop being finite; the caller words it.
 */
export function fitRun(config: RunConfig, steps: number, history?: MetricRecord[]): FitResult {
  const run = new Run(config);
  try {
    const t0 = performance.now();
    for (let done = 0; done < steps; done += 100) {
      run.run(Math.min(100, steps - done));
      // --export csv|json: a snapshot per 100 steps (the page records one per frame)
      if (history && done + 100 < steps) appendRecord(history, metricRecord(run.snapshot()));
    }
    run.flush();
    const secondsPerStep = (performance.now() - t0) / 1000 / steps;
    const snap = run.snapshot();
    if (history) appendRecord(history, metricRecord(snap));
    return fitSummary(config, snap, cliOwnSpaceMoments(run, config, snap), tf.getBackend(), secondsPerStep);
  } finally {
    run.dispose();
  }
}
