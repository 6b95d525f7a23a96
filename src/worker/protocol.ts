import type { SessionConfig } from '../core/session';
import type { Problem } from '../core/rules';
import type { RunState } from '../core/engine/run';
import type { Snapshot, TargetField } from '../core/engine/snapshot';

/**
 * The typed, versioned messages between the UI and the engine worker. Bump the version when a
 * message changes shape; both sides check it so a stale cached worker fails loudly, not oddly.
 */
export const PROTOCOL_VERSION = 4;

/** Runs one worker hosts side by side (compared families share the worker and its backend). */
export { MAX_RUNS } from '../core/rules';

export type BackendName = 'cpu' | 'webgl';

export interface BackendTiming {
  readonly backend: BackendName;
  /** Steps per second on the calibration workload, or null when the backend failed to start. */
  readonly stepsPerSecond: number | null;
  /** Time to initialise and take the first steps (shader compilation on WebGL). */
  readonly warmupMs: number;
  readonly error?: string;
}

/** Ways to break the engine on purpose (browser tests only; see src/state/testHooks.ts). */
export type FaultDrill = 'throw' | 'close' | 'hang' | 'lose-webgl';

export type ToWorker =
  /**
   * A session of 1 to MAX_RUNS runs; calibrates the backend first when needed. Only the runs
   * that changed are rebuilt: run i goes on from the old run `keep[i]` (an index in the previous
   * session, null for a new run; by default the same index), in place when rules.ts's changeKind
   * allows. `epoch` is echoed in snapshots so the client can tell which session a state belongs
   * to; `restore` (a respawned worker) carries each run on from its last exported state.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'configure';
      readonly session: SessionConfig;
      /** Defaults to 0 (callers that never respawn, like the benchmark, need not count). */
      readonly epoch?: number;
      readonly restore?: readonly (RunState | null)[];
      readonly keep?: readonly (number | null)[];
    }
  /** Live change (sliders) to the same runs: applied in place where possible, a run that needs it is rebuilt alone. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'update'; readonly session: SessionConfig }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'play' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'pause' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'step'; readonly n: number }
  /** Start every run afresh from step 0 (a new epoch: older states no longer apply). */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'reset'; readonly epoch?: number }
  /** Carry on one run that was halted (diverged), from its restored finite parameters. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'resume'; readonly run: number }
  /** Liveness check: answered with a `pong` between time slices. */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'ping' }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'drill'; readonly fault: FaultDrill };

export type ErrorKind = 'config' | 'diverged' | 'backend' | 'internal' | 'protocol';

export type FromWorker =
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'ready';
      readonly backend: BackendName;
      readonly calibration: readonly BackendTiming[];
    }
  /** The worker is measuring the backends on a new kind of workload (a warm-up; Play waits). */
  /**
   * The worker is about to measure backends and may be silent for seconds (shader compilation).
   * `background`: the runs are already stepping on a backend that works; the page keeps its state.
   */
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'calibrating'; readonly background?: boolean }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'field'; readonly run: number; readonly field: TargetField }
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'snapshot';
      /** Index of the run in the last configure. */
      readonly run: number;
      readonly snapshot: Snapshot;
      /** q's parameters at this step, for carrying the run on in a respawned worker. */
      readonly state: RunState;
      /** The epoch of the configure/reset this run was built by. */
      readonly epoch: number;
      readonly stepsPerSecond: number;
      readonly playing: boolean;
      /** This run is halted (diverged) while the others may go on. */
      readonly halted: boolean;
    }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'status'; readonly playing: boolean }
  | { readonly v: typeof PROTOCOL_VERSION; readonly type: 'pong' }
  /**
   * Something went wrong. `run` and `step` name the run and step for per-run trouble
   * (kind 'diverged': that run is halted, the others go on). Kind 'backend' is a notice: the
   * engine carried on on another backend.
   */
  | {
      readonly v: typeof PROTOCOL_VERSION;
      readonly type: 'error';
      readonly kind: ErrorKind;
      readonly message: string;
      /** What happened as a code, for the page to word (absent: only `message`, the engine's own words). */
      readonly code?: 'webgl-lost';
      /** A refused config's problems as codes (src/core/rules.ts), for the page to word. */
      readonly problems?: readonly { readonly path: string; readonly problem: Problem }[];
      readonly run?: number;
      readonly step?: number;
    };

/** Omit distributed over a union, so a sender can write messages without the version field. */
export type WithoutVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
