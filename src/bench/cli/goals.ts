import type { CeilingTiming } from '../ceiling';
import type { BackendResult, EngineBench, WorkloadResult } from '../types';
import { FAMILY_WORKLOADS, FOUR_RUNS } from '../workloads';
import type { BenchResults } from './phases';

/** Issue 9's goals. Figures from one run are compared with them and printed, never asserted. */
export const GOALS = {
  /** In-app steps/s over raw Run steps/s, same worker and backend (cpu), per family. */
  appOverRaw: 0.8,
  /** All four runs of the comparison together, in the app, steps/s. */
  fourRuns: 2000,
  /** Navigation → first step > 0, median of the trials, per family. */
  firstStepMs: 1000,
  /** Engine (raw Run) over its bare fast loop, per ceiling. */
  engineOverCeiling: 0.25,
  /** What the page loads before its first step, gzip kB (the engine worker apart). */
  pageKb: 150,
} as const;

export interface Goal {
  readonly goal: string;
  /** null: nothing to judge (no figure, or a goal that is reported only). */
  readonly ok: boolean | null;
  readonly value: string;
}

export const workloadIn = (b: BackendResult | undefined, id: string): WorkloadResult | undefined => b?.workloads.find((w) => w.id === id);
export const backendIn = (bench: EngineBench | null, name: string): BackendResult | undefined =>
  bench?.backends.find((b) => b.backend === name && b.available && !b.error);

/** In-app over raw steps/s of one workload on one backend of the worker, or null without both. */
export function appOverRaw(b: BackendResult | undefined, id: string): number | null {
  const w = workloadIn(b, id);
  return w?.app && w.raw ? w.app.stepsPerSecond / w.raw.stepsPerSecond : null;
}

/** Engine steps/s over the ceiling's for one family where both were measured (null: "n/a"). */
export function engineOverCeiling(bench: EngineBench | null, c: CeilingTiming | undefined): number | null {
  const engine = workloadIn(bench?.backends[0], c?.family ?? '')?.raw?.stepsPerSecond;
  return c?.stepsPerSecond && engine ? engine / c.stepsPerSecond : null;
}

const two = (x: number) => x.toFixed(2);
const count = (x: number) => Math.round(x).toLocaleString('en-US');

/** Every goal as met / missed / nothing to judge, with the figure behind it. */
export function judge(r: BenchResults): Goal[] {
  const goals: Goal[] = [];
  const cpu = backendIn(r.worker, 'cpu');
  const ratios = FAMILY_WORKLOADS.map((w) => ({ id: w.id, ratio: appOverRaw(cpu, w.id) })).filter(
    (x): x is { id: string; ratio: number } => x.ratio !== null,
  );
  const low = ratios.filter((x) => x.ratio < GOALS.appOverRaw);
  goals.push({
    goal: `app/raw ≥ ${GOALS.appOverRaw} (worker, cpu), every family`,
    ok: ratios.length === 0 ? null : low.length === 0,
    value:
      ratios.length === 0
        ? 'n/a (no in-app figures)'
        : `${ratios.length - low.length}/${ratios.length} met${low.length ? `; below: ${low.map((x) => `${x.id} ${two(x.ratio)}`).join(', ')}` : ''}`,
  });

  const four = ['cpu', 'webgl']
    .map((name) => ({ name, w: workloadIn(backendIn(r.worker, name), FOUR_RUNS.id) }))
    .filter((x) => x.w?.app)
    .map((x) => ({ name: x.name, sps: x.w?.app?.stepsPerSecond ?? 0 }))
    .sort((a, b) => b.sps - a.sps);
  goals.push({
    goal: `4 runs ≥ ${count(GOALS.fourRuns)} steps/s together (app, best backend)`,
    ok: four.length === 0 ? null : four[0].sps >= GOALS.fourRuns,
    value: four.length === 0 ? 'n/a (no in-app figure)' : `${count(four[0].sps)} steps/s (${four[0].name})`,
  });

  const firsts = r.firstStep.filter((f) => f.medianMs !== null);
  const slow = firsts.filter((f) => (f.medianMs ?? 0) > GOALS.firstStepMs);
  const slowest = [...firsts].sort((a, b) => (b.medianMs ?? 0) - (a.medianMs ?? 0))[0];
  const failedFirst = r.firstStep.length - firsts.length;
  goals.push({
    goal: `first step ≤ ${GOALS.firstStepMs / 1000} s (median of page loads), every family`,
    ok: firsts.length === 0 ? null : slow.length === 0 && failedFirst === 0,
    value:
      firsts.length === 0
        ? 'n/a (no page loads)'
        : `${firsts.length - slow.length}/${r.firstStep.length} met; slowest ${slowest.family} ${count(slowest.medianMs ?? 0)} ms${failedFirst ? `; ${failedFirst} never stepped` : ''}`,
  });

  for (const where of [r.node, r.worker] as const) {
    const label = where === r.node ? 'Node' : 'worker';
    const found = (where?.ceilings ?? []).map((c) => ({ id: c.family, ratio: engineOverCeiling(where, c) }));
    const judged = found.filter((x): x is { id: string; ratio: number } => x.ratio !== null);
    goals.push({
      goal: `engine/ceiling ≥ ${GOALS.engineOverCeiling} (${label}), each ceiling`,
      ok: judged.length === 0 ? null : judged.every((x) => x.ratio >= GOALS.engineOverCeiling),
      value: found.length === 0 ? 'n/a' : found.map((x) => `${x.id} ${x.ratio === null ? 'n/a' : two(x.ratio)}`).join(', '),
    });
  }

  goals.push({
    goal: `page JavaScript ≤ ${GOALS.pageKb} kB gzip (the worker apart)`,
    ok: r.bundle ? r.bundle.pageKb <= GOALS.pageKb : null,
    value: r.bundle
      ? `page ${r.bundle.pageKb.toFixed(1)} kB (简体中文 +${r.bundle.languageKb.toFixed(1)} kB); engine worker ${r.bundle.workerKb.toFixed(1)} kB; on demand (tfjs, WebGL, KaTeX) ${r.bundle.lazyKb.toFixed(1)} kB`
      : 'n/a',
  });

  const kernels = r.node.kernels.filter((k) => k.count !== null);
  goals.push({
    goal: 'tfjs kernels per step on the tfjs path (report; to be halved)',
    ok: null,
    value: kernels.length === 0 ? 'n/a' : `${count(kernels.reduce((s, k) => s + (k.count?.kernels ?? 0), 0))} over ${kernels.length} families`,
  });
  return goals;
}
