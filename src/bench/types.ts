/**
 * Shapes shared by the bench worker, the bench page, the Node bench and scripts/bench.mjs (which
 * reads them as JSON). Types only: the bench page imports this without pulling in the engine.
 */
import type { SessionConfig } from '../core/session';

export type BenchBackend = 'cpu' | 'webgl';

export interface CatalogueTarget {
  readonly id: string;
  readonly name: string;
  readonly dim: number;
  readonly constrained: boolean;
  readonly realData: boolean;
}

export interface RawTiming {
  /** Steps per second, summed over the workload's runs. */
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly ms: number;
  /** Construction + warm-up steps + one snapshot (shader compilation on WebGL). */
  readonly warmupMs: number;
  /** Whether each run reported the engine's plain-JS fast path (null when Run does not say). */
  readonly fastPath: (boolean | null)[];
}

export interface AppLoopTiming {
  /** Steps per second, summed over runs, counted from the snapshots the host posted. */
  readonly stepsPerSecond: number;
  /** Snapshots per second of run 0 (the host aims for 30). */
  readonly snapshotsPerSecond: number;
  /** The host's own smoothed steps/s read-out (per run), as the page shows it. */
  readonly reportedStepsPerSecond: number;
  readonly ms: number;
}

export interface WorkloadResult {
  readonly id: string;
  readonly label: string;
  readonly status: 'ok' | 'missing' | 'error';
  readonly note?: string;
  readonly raw?: RawTiming;
  readonly app?: AppLoopTiming;
  readonly appError?: string;
}

export interface CeilingResult {
  readonly samples: number;
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly ms: number;
  readonly kl: number;
}

export interface BackendResult {
  readonly where: 'worker' | 'node';
  readonly backend: BenchBackend;
  readonly available: boolean;
  readonly error?: string;
  readonly workloads: WorkloadResult[];
  readonly ms: number;
}

export interface EngineBench {
  readonly where: 'worker' | 'node';
  readonly userAgent: string;
  readonly backends: BackendResult[];
  readonly ceiling: CeilingResult[];
}

export interface MeasurePlan {
  readonly backends: readonly { readonly backend: BenchBackend; readonly rawMs: number; readonly appMs: number }[];
  readonly ceilingMs: number;
  readonly ceilingSamples: readonly number[];
}

export interface FrameHealth {
  readonly seconds: number;
  readonly runs: number;
  readonly note: string;
  readonly backend: string;
  /** The runs' speed limit (steps/s per run): the app's default, as a learner meets it. */
  readonly speed: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly longestTaskMs: number;
  /** Long tasks between page start and Play (start-up: worker spin-up, calibration). */
  readonly startupLongTasks: number;
  readonly frames: number;
  readonly medianFps: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  /** Frames that took longer than 1.5 × the median interval. */
  readonly slowFrames: number;
  /** The page's own drawing per frame (all panels): median and max, ms. */
  readonly drawMsMedian: number;
  readonly drawMsMax: number;
  readonly snapshotsPerSecond: number;
  /** Total steps/s of all runs while the page drew (from the snapshots). */
  readonly stepsPerSecond: number;
  readonly errors: string[];
}

export type ToBenchWorker =
  | { readonly type: 'catalogue' }
  | { readonly type: 'fourRunSession' }
  | { readonly type: 'measure'; readonly plan: MeasurePlan };

export type FromBenchWorker =
  | { readonly type: 'catalogue'; readonly targets: CatalogueTarget[] }
  | { readonly type: 'fourRunSession'; readonly session: SessionConfig; readonly note: string }
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'measured'; readonly result: EngineBench }
  | { readonly type: 'error'; readonly message: string };
