/**
 * Shapes shared by the bench worker, the bench page and the bench CLI (src/bench/cli). Types
 * only: the bench page imports this without pulling in the engine.
 */
import type { CeilingTiming } from './ceiling';
import type { KernelCount } from './kernels';

export type BenchBackend = 'cpu' | 'webgl';

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
  /** The family's ceiling (the bare fast loop), timed right after its raw Run; CEILING_FAMILIES only. */
  readonly ceiling?: CeilingTiming;
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
  readonly ceilings: CeilingTiming[];
}

/** What the Node phase adds: tfjs kernels per step on the tfjs path, per family. */
export interface NodeBench extends EngineBench {
  readonly kernels: readonly { readonly family: string; readonly count: KernelCount | null; readonly error?: string }[];
}

export interface MeasurePlan {
  readonly backends: readonly { readonly backend: BenchBackend; readonly rawMs: number; readonly appMs: number }[];
  readonly ceilingMs: number;
}

export type ToBenchWorker = { readonly type: 'measure'; readonly plan: MeasurePlan };

export type FromBenchWorker =
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'measured'; readonly result: EngineBench }
  | { readonly type: 'error'; readonly message: string };
