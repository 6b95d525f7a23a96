import type { RunConfig } from '../config';
import type { Snapshot } from '../engine/snapshot';

/**
 * The full metric history of a run (docs/export.md#data): one record per snapshot, never thinned
 * (the page's curves thin theirs to 2,000 points, src/state/history.ts). The expensive read-outs
 * (KLs, k̂, CUBO, SNR) are refreshed less often than the step advances, so each record also says
 * the step they describe (`readoutStep`).
 */
export interface MetricRecord {
  readonly step: number;
  readonly readoutStep: number;
  readonly elbo: number | null;
  readonly elboStdErr: number | null;
  readonly klQP: number | null;
  readonly klPQ: number | null;
  readonly khat: number | null;
  readonly logZ: number | null;
  readonly cubo: number | null;
  readonly objectiveBound: number | null;
  readonly gradSnr: number | null;
}

const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

export function metricRecord(s: Snapshot): MetricRecord {
  return {
    step: s.step,
    readoutStep: s.readoutStep,
    elbo: finite(s.elbo),
    elboStdErr: finite(s.elboStdErr),
    klQP: finite(s.klQP),
    klPQ: finite(s.klPQ),
    khat: finite(s.khat),
    logZ: finite(s.logZ),
    cubo: finite(s.cubo),
    objectiveBound: finite(s.objectiveBound),
    gradSnr: finite(s.gradSnr),
  };
}

/**
 * Appends in place (a long run has hundreds of thousands of records; copying per snapshot would
 * be quadratic). A repeated step replaces its record; a step that goes back means the run
 * restarted, which starts the log afresh.
 */
export function appendRecord(log: MetricRecord[], r: MetricRecord): void {
  const last = log[log.length - 1];
  if (last && r.step < last.step) log.length = 0;
  if (last && r.step === last.step && log.length > 0) log[log.length - 1] = r;
  else log.push(r);
}

/** One run's history with the settings that made it. */
export interface RunHistory {
  readonly run: number;
  readonly config: RunConfig;
  readonly records: readonly MetricRecord[];
}

const COLUMNS: readonly (keyof MetricRecord)[] = ['step', 'readoutStep', 'elbo', 'elboStdErr', 'klQP', 'klPQ', 'khat', 'logZ', 'cubo', 'objectiveBound', 'gradSnr'];

/** CSV: a header, then one row per record of every run; an empty cell where a value is missing. */
export function historyCsv(runs: readonly RunHistory[]): string {
  const rows = [['run', 'family', 'objective', ...COLUMNS].join(',')];
  for (const h of runs) {
    for (const r of h.records) {
      rows.push([h.run, h.config.family.id, h.config.objective.id, ...COLUMNS.map((c) => (r[c] === null ? '' : String(r[c])))].join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

/** JSON: every run's settings and its records (columns named as in the CSV). */
export function historyJson(runs: readonly RunHistory[]): string {
  return JSON.stringify(
    {
      format: 'vi-playground-history/1',
      columns: COLUMNS,
      runs: runs.map((h) => ({ run: h.run, config: h.config, records: h.records })),
    },
    null,
    1,
  );
}
