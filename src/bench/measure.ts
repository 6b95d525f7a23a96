import type { RunConfig } from '../core/config';
import { type SessionConfig, runConfigsOf } from '../core/session';
import { Run } from '../core/engine/run';
import { type CeilingTiming, timeCeiling } from './ceiling';
import type { AppLoopTiming, BenchBackend, RawTiming, WorkloadResult } from './types';
import { BENCH_SAMPLES, BENCH_TARGET, CEILING_FAMILIES, WORKLOADS, buildWorkload } from './workloads';

/** Milliseconds of stepping between read-backs (flush); the chunk size adapts to hit it. */
const CHUNK_MS = 10;
/** Untimed stepping after the warm-up steps (at most a quarter of the budget). */
const WARM_MS = 300;

/** Whether the Run says it steps on the plain-JS fast path (null when this Run does not tell). */
function fastPathOf(run: Run): boolean | null {
  const v: unknown = Reflect.get(run, 'usesFastPath');
  return typeof v === 'boolean' ? v : null;
}

/**
 * Time Runs directly, as the worker steps them: warm up (a few steps and a snapshot, which
 * compiles the shaders on WebGL, then a short untimed loop for the JIT), then `run(chunk)` +
 * `flush()` for every run in turn until `budgetMs` of wall time has passed. The chunk grows until
 * one round takes about CHUNK_MS, so read-backs cost what they cost in the app, no more.
 */
export function timeRuns(configs: readonly RunConfig[], budgetMs: number): RawTiming {
  const t0 = performance.now();
  const runs: Run[] = [];
  try {
    for (const c of configs) runs.push(new Run(c));
    for (const r of runs) {
      r.run(3);
      r.snapshot();
      r.flush();
    }
    const warmupMs = performance.now() - t0;
    let chunk = 1;
    /** Step every run in rounds of `chunk` until `ms` have passed; returns the steps taken and the time. */
    const loop = (ms: number): { steps: number; ms: number } => {
      let steps = 0;
      const t1 = performance.now();
      let t = t1;
      while (t - t1 < ms || steps === 0) {
        const c0 = t;
        for (const r of runs) {
          r.run(chunk);
          r.flush();
        }
        steps += chunk * runs.length;
        t = performance.now();
        const perStep = (t - c0) / chunk;
        chunk = Math.max(1, Math.min(512, Math.round(CHUNK_MS / Math.max(perStep, 1e-3))));
      }
      return { steps, ms: t - t1 };
    };
    // Untimed: lets the JIT optimise the step loops and the chunk size settle.
    loop(Math.min(WARM_MS, budgetMs / 4));
    const timed = loop(budgetMs);
    return { stepsPerSecond: (timed.steps / timed.ms) * 1000, steps: timed.steps, ms: timed.ms, warmupMs, fastPath: runs.map(fastPathOf) };
  } finally {
    for (const r of runs) r.dispose();
  }
}

export type AppLoop = (session: SessionConfig, budgetMs: number) => Promise<AppLoopTiming>;

/**
 * Every workload (each family, then the four runs) on the backend that is active now; the app
 * loop too when given. When `ceilingMs` > 0, a family of CEILING_FAMILIES has its ceiling timed
 * right after its raw Run, so the two are measured under the same load.
 */
export async function measureWorkloads(
  backend: BenchBackend,
  rawMs: number,
  appLoop: { loop: AppLoop; ms: number } | null,
  progress: (text: string) => void,
  ceilingMs = 0,
): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const w of WORKLOADS) {
    const built = buildWorkload(w, backend);
    if (!built.ok) {
      results.push({ id: w.id, label: w.label, status: built.status, note: built.note });
      continue;
    }
    progress(`${backend}: ${w.label}`);
    let raw: RawTiming;
    try {
      raw = timeRuns(runConfigsOf(built.session), rawMs);
    } catch (e) {
      results.push({ id: w.id, label: w.label, status: 'error', note: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const ceiling = ceilingMs > 0 && CEILING_FAMILIES.includes(w.id) ? timeCeiling(w.id, BENCH_TARGET, BENCH_SAMPLES, ceilingMs) : undefined;
    let app: AppLoopTiming | undefined;
    let appError: string | undefined;
    if (appLoop) {
      try {
        app = await appLoop.loop(built.session, appLoop.ms);
      } catch (e) {
        appError = e instanceof Error ? e.message : String(e);
      }
    }
    results.push({ id: w.id, label: w.label, status: 'ok', raw, app, appError, ceiling });
  }
  return results;
}

/** The ceilings timed alongside the workloads. */
export function ceilingsOf(workloads: readonly WorkloadResult[]): CeilingTiming[] {
  return workloads.flatMap((w) => (w.ceiling ? [w.ceiling] : []));
}
