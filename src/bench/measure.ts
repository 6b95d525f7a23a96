import { type SessionConfig, runConfigsOf } from '../core/session';
import { type CeilingTiming, timeCeiling } from './ceiling';
import { RawRuns, timeRuns } from './rawRuns';
import type { AppLoopTiming, BenchBackend, RawTiming, WorkloadResult } from './types';
import { BENCH_SAMPLES, BENCH_TARGET, CEILING_FAMILIES, WORKLOADS, buildWorkload } from './workloads';

/**
 * The app loop for `budgetMs`; with `raw`, it times those Runs too, in windows between its own
 * (`rawMs` in all), so the two are compared over the same stretch of time (appLoop.ts).
 */
export type AppLoop = (session: SessionConfig, budgetMs: number, raw: { runs: RawRuns; ms: number } | null) => Promise<AppLoopTiming>;

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
    const configs = runConfigsOf(built.session);
    // With an app loop, the raw Runs are timed in windows between the app's: timed one after
    // the other, a shared machine's drift moved app/raw by ±10–30 % (docs/bench.md).
    let raw: RawTiming;
    let app: AppLoopTiming | undefined;
    let appError: string | undefined;
    const failed = (e: unknown) => results.push({ id: w.id, label: w.label, status: 'error', note: e instanceof Error ? e.message : String(e) });
    if (!appLoop) {
      try {
        raw = timeRuns(configs, rawMs);
      } catch (e) {
        failed(e);
        continue;
      }
    } else {
      let rawRuns: RawRuns;
      try {
        rawRuns = new RawRuns(configs);
      } catch (e) {
        failed(e);
        continue;
      }
      try {
        try {
          app = await appLoop.loop(built.session, appLoop.ms, { runs: rawRuns, ms: rawMs });
        } catch (e) {
          appError = e instanceof Error ? e.message : String(e);
        }
        // The app loop failed before its raw windows: the raw Runs still get theirs.
        if (rawRuns.timing().steps === 0) rawRuns.loop(rawMs);
        raw = rawRuns.timing();
      } catch (e) {
        failed(e);
        continue;
      } finally {
        rawRuns.dispose();
      }
    }
    const ceiling = ceilingMs > 0 && CEILING_FAMILIES.includes(w.id) ? timeCeiling(w.id, BENCH_TARGET, BENCH_SAMPLES, ceilingMs) : undefined;
    results.push({ id: w.id, label: w.label, status: 'ok', raw, app, appError, ceiling });
  }
  return results;
}

/** The ceilings timed alongside the workloads. */
export function ceilingsOf(workloads: readonly WorkloadResult[]): CeilingTiming[] {
  return workloads.flatMap((w) => (w.ceiling ? [w.ceiling] : []));
}
