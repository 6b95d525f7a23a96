import type { CeilingTiming } from '../ceiling';
import type { WorkloadResult } from '../types';
import { BENCH_SAMPLES, BENCH_TARGET, CEILING_FAMILIES, FAMILY_WORKLOADS, FOUR_RUNS } from '../workloads';
import { type Goal, appOverRaw, backendIn, engineOverCeiling, workloadIn } from './goals';
import type { BenchResults } from './phases';

/** A number for a table cell; '—' when there is none. */
export function fmt(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A plain-text table: headers, a rule, rows; columns marked 'r' are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A workload's steps/s of one kind, or why there is none. */
function speed(w: WorkloadResult | undefined, kind: 'raw' | 'app'): string {
  if (!w) return '—';
  if (w.status !== 'ok') return w.status === 'missing' ? 'n/a' : 'error';
  if (kind === 'raw') return fmt(w.raw?.stepsPerSecond);
  return w.app ? fmt(w.app.stepsPerSecond) : w.appError ? 'error' : '—';
}

function fastCell(w: WorkloadResult | undefined): string {
  const flags = w?.raw?.fastPath ?? [];
  if (flags.length === 0 || flags.some((f) => f === null)) return '?';
  return flags.every((f) => f) ? 'yes' : flags.some((f) => f) ? 'some' : 'no';
}

/** The one table of issue 9: every family (and the four runs) on the bench target. */
export function familyTable(r: BenchResults): string {
  const node = r.node.backends[0];
  const cpu = backendIn(r.worker, 'cpu');
  const webgl = backendIn(r.worker, 'webgl');
  const rows = [...FAMILY_WORKLOADS, FOUR_RUNS].map((w) => {
    const kernels = r.node.kernels.find((k) => k.family === w.id);
    const first = r.firstStep.find((f) => f.family === w.id);
    const ratio = appOverRaw(cpu, w.id);
    return [
      w.label,
      fastCell(workloadIn(node, w.id)),
      speed(workloadIn(node, w.id), 'raw'),
      speed(workloadIn(cpu, w.id), 'raw'),
      speed(workloadIn(cpu, w.id), 'app'),
      ratio === null ? '—' : fmt(ratio, 2),
      speed(workloadIn(webgl, w.id), 'app'),
      kernels ? (kernels.count ? fmt(kernels.count.kernels) : 'error') : '—',
      first ? (first.medianMs === null ? (first.error ? 'failed' : '—') : `${fmt(first.medianMs)} (${fmt(first.readyMedianMs)})`) : '—',
    ];
  });
  const headers = ['family', 'fast', 'raw node', 'raw worker', 'app cpu', 'app/raw', 'app webgl', 'tfjs kernels/step', 'first step ms (ready)'];
  return table(headers, rows, 'llrrrrrrr');
}

function ceilingRow(family: string, r: BenchResults): string[] {
  const find = (list: readonly CeilingTiming[] | undefined) => list?.find((c) => c.family === family);
  const cn = find(r.node.ceilings);
  const cw = find(r.worker?.ceilings);
  const ratio = (x: number | null) => (x === null ? 'n/a' : fmt(x, 2));
  return [
    family,
    cn?.stepsPerSecond ? fmt(cn.stepsPerSecond) : 'n/a',
    fmt(workloadIn(r.node.backends[0], family)?.raw?.stepsPerSecond),
    ratio(engineOverCeiling(r.node, cn)),
    cw?.stepsPerSecond ? fmt(cw.stepsPerSecond) : 'n/a',
    fmt(workloadIn(r.worker?.backends[0], family)?.raw?.stepsPerSecond),
    ratio(engineOverCeiling(r.worker, cw)),
    fmt(cn?.lossAfter ?? cw?.lossAfter, 3),
  ];
}

/** Engine (raw Run) over its ceiling (the bare fast loop) per family; "n/a" without a fast path. */
export function ceilingTable(r: BenchResults): string {
  const headers = ['family', 'ceiling node', 'engine node', 'ratio', 'ceiling worker', 'engine worker', 'ratio', 'KL after'];
  return table(
    headers,
    CEILING_FAMILIES.map((f) => ceilingRow(f, r)),
    'lrrrrrrr',
  );
}

export function goalLines(goals: readonly Goal[]): string {
  const verdict = (ok: boolean | null) => (ok === null ? 'report' : ok ? 'pass  ' : 'MISS  ');
  const width = Math.max(...goals.map((g) => g.goal.length));
  return goals.map((g) => `  [${verdict(g.ok)}] ${g.goal.padEnd(width)}  ${g.value}`).join('\n');
}

/** The whole report, as printed. */
export function report(r: BenchResults, goals: readonly Goal[], header: string): string {
  const parts = [
    header,
    '',
    `Every family on ${BENCH_TARGET}, ${BENCH_SAMPLES} samples, default options; steps/s (the four runs: all together).`,
    'raw: Run.run(n) + flush() for a fixed time (node: tfjs cpu; worker: the bench worker in Chromium, cpu);',
    "app: the app's EngineHost (snapshots at ~30 Hz, speed unlimited) in the same worker; app/raw = app cpu / raw worker;",
    'fast: the Run steps on its plain-JS path; tfjs kernels/step: one step of new Run(config, { fastPath: false }) under tf.profile;',
    'first step: the built app opened with #target=banana&family=…&autoplay=1 (fresh context), navigation → first step > 0,',
    '  median of page loads; (ready): navigation → the engine named its backend (after its calibration).',
    familyTable(r),
    '',
    'Ceilings: the bare loop of noise + fast family gradient + target logDensityGrad + FlatAdam; ratio = engine / ceiling.',
    ceilingTable(r),
    '',
    'Goals (issue 9)',
    goalLines(goals),
  ];
  for (const f of r.failures) parts.push(`  FAILED ${f.phase}: ${f.error}`);
  return parts.join('\n');
}
