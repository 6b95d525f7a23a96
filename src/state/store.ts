import { create } from 'zustand';
import { defaultConfig, type RunConfig } from '../core/config';
import type { Snapshot, TargetField } from '../core/engine/snapshot';
import type { BackendName, BackendTiming, ErrorKind } from '../worker/protocol';
import { appendHistory, type HistoryPoint } from './history';

export type EngineStatus = 'starting' | 'ready' | 'error';

/** A run that diverged: halted at `step`, set back to its last finite parameters. */
export interface Divergence {
  readonly step: number;
  readonly message: string;
}

/**
 * Trouble the whole engine is in: the worker's own errors, or 'crashed' when it kept stopping
 * and was not restarted again (only a reload helps).
 */
export interface EngineError {
  readonly kind: ErrorKind | 'crashed';
  readonly message: string;
}

export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warning' | 'error';
  readonly text: string;
}

export interface PlaygroundState {
  readonly config: RunConfig;
  readonly autoplay: boolean;
  readonly status: EngineStatus;
  readonly playing: boolean;
  readonly backend: BackendName | null;
  readonly calibration: readonly BackendTiming[];
  readonly stepsPerSecond: number;
  readonly field: TargetField | null;
  readonly snapshot: Snapshot | null;
  readonly history: readonly HistoryPoint[];
  readonly notices: readonly Notice[];
  readonly error: EngineError | null;
  /** Per run (index as in the worker's configure): null, or why that run is halted. */
  readonly diverged: readonly (Divergence | null)[];
  /** Times the engine worker was replaced after a fault (this page load). */
  readonly restarts: number;
}

let noticeId = 0;
export const makeNotice = (tone: Notice['tone'], text: string): Notice => ({ id: ++noticeId, tone, text });

export const initialState = (config: RunConfig, autoplay: boolean, notices: Notice[]): PlaygroundState => ({
  config,
  autoplay,
  status: 'starting',
  playing: false,
  backend: null,
  calibration: [],
  stepsPerSecond: 0,
  field: null,
  snapshot: null,
  history: [],
  notices,
  error: null,
  diverged: [],
  restarts: 0,
});

/**
 * The store holds what the UI draws; it never runs tfjs. Reducers below are pure functions of
 * (state, event) so they can be tested without a worker.
 */
export const usePlayground = create<PlaygroundState>(() => initialState(defaultConfig(), false, []));

export function withSnapshot(s: PlaygroundState, snapshot: Snapshot, stepsPerSecond: number, playing: boolean): Partial<PlaygroundState> {
  return {
    snapshot,
    stepsPerSecond,
    playing,
    history: appendHistory(s.history, {
      step: snapshot.step,
      elbo: snapshot.elbo ?? Number.NaN,
      elboStdErr: snapshot.elboStdErr ?? Number.NaN,
      kl: snapshot.klQP ?? Number.NaN,
      logZ: snapshot.logZ,
    }),
  };
}
