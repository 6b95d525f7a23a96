import type { RunConfig } from '../core/config';
import type { Snapshot, TargetField } from '../core/engine/snapshot';

/**
 * The typed, versioned messages between the UI and the engine worker. Bump the version when a
 * message changes shape; both sides check it so a stale cached worker fails loudly, not oddly.
 */
export const PROTOCOL_VERSION = 2;

/** Runs one worker hosts side by side (compared families share the worker and its backend). */
export const MAX_RUNS = 4;

export type BackendName = 'cpu' | 'webgl';

export interface BackendTiming {
  readonly backend: BackendName;
  /** Steps per second on the calibration workload, or null when the backend failed to start. */
  readonly stepsPerSecond: number | null;
  /** Time to initialise and take the first steps (shader compilation on WebGL). */
  readonly warmupMs: number;
  readonly error?: string;
}

export type ToWorker =
  /** Replace every run (1 to MAX_RUNS configs); calibrates the backend first when needed. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'configure'; readonly configs: readonly RunConfig[] }
  /** Live change (sliders) applied in place where possible, else like configure. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'update'; readonly configs: readonly RunConfig[] }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'play' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'pause' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'step'; readonly n: number }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'reset' };

export type ErrorKind = 'config' | 'diverged' | 'backend' | 'internal' | 'protocol';

export type FromWorker =
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'ready';
      readonly backend: BackendName;
      readonly calibration: readonly BackendTiming[];
    }
  /** The worker is measuring the backends on a new kind of workload (a warm-up; Play waits). */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'calibrating' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'field'; readonly run: number; readonly field: TargetField }
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'snapshot';
      /** Index of the run in the last configure. */
      readonly run: number;
      readonly snapshot: Snapshot;
      readonly stepsPerSecond: number;
      readonly playing: boolean;
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'status'; readonly playing: boolean }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'error'; readonly kind: ErrorKind; readonly message: string };

/** Omit distributed over a union, so a sender can write messages without the version field. */
export type WithoutVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
