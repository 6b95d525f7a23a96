import type { RunConfig } from '../core/config';
import { Run } from '../core/engine/run';
import type { RawTiming } from './types';

/** Milliseconds of stepping between read-backs (flush); the chunk size adapts to hit it. */
const CHUNK_MS = 10;
/** Untimed stepping after the warm-up steps. */
const WARM_MS = 300;

/** Whether the Run says it steps on the plain-JS fast path (null when this Run does not tell). */
function fastPathOf(run: Run): boolean | null {
  const v: unknown = Reflect.get(run, 'usesFastPath');
  return typeof v === 'boolean' ? v : null;
}

/**
 * Runs stepped directly, as the worker steps them: built and warmed up (a few steps and a
 * snapshot, which compiles the shaders on WebGL, then a short untimed loop for the JIT), then
 * timed in windows of `run(chunk)` + `flush()` for every run in turn. The chunk grows until one
 * round takes about CHUNK_MS, so read-backs cost what they cost in the app, no more.
 */
export class RawRuns {
  private readonly runs: Run[] = [];
  private chunk = 1;
  private steps = 0;
  private ms = 0;
  readonly warmupMs: number;

  constructor(configs: readonly RunConfig[], warmMs = WARM_MS) {
    const t0 = performance.now();
    try {
      for (const c of configs) this.runs.push(new Run(c));
      for (const r of this.runs) {
        r.run(3);
        r.snapshot();
        r.flush();
      }
      this.warmupMs = performance.now() - t0;
      // Untimed: lets the JIT optimise the step loops and the chunk size settle.
      this.loop(warmMs);
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.steps = 0;
    this.ms = 0;
  }

  /** Step every run in rounds of the chunk until `ms` have passed; counted into the timing. */
  loop(ms: number): void {
    let steps = 0;
    const t1 = performance.now();
    let t = t1;
    while (t - t1 < ms || steps === 0) {
      const c0 = t;
      for (const r of this.runs) {
        r.run(this.chunk);
        r.flush();
      }
      steps += this.chunk * this.runs.length;
      t = performance.now();
      const perStep = (t - c0) / this.chunk;
      this.chunk = Math.max(1, Math.min(512, Math.round(CHUNK_MS / Math.max(perStep, 1e-3))));
    }
    this.steps += steps;
    this.ms += t - t1;
  }

  /** Steps/s (summed over the runs) over every timed window so far. */
  timing(): RawTiming {
    return { stepsPerSecond: (this.steps / this.ms) * 1000, steps: this.steps, ms: this.ms, warmupMs: this.warmupMs, fastPath: this.runs.map(fastPathOf) };
  }

  dispose(): void {
    for (const r of this.runs) r.dispose();
  }
}

/** Time Runs directly for `budgetMs` of wall time after their warm-up (at most a quarter of the budget untimed). */
export function timeRuns(configs: readonly RunConfig[], budgetMs: number): RawTiming {
  const raw = new RawRuns(configs, Math.min(WARM_MS, budgetMs / 4));
  try {
    raw.loop(budgetMs);
    return raw.timing();
  } finally {
    raw.dispose();
  }
}
