import { create } from 'zustand';
import type { Snapshot, TargetField } from '../core/engine/snapshot';
import { defaultSession, type SessionConfig } from '../core/session';
import type { BackendName, BackendTiming, ErrorKind } from '../worker/protocol';
import type { Lang } from '../words/lang';
import type { NoticeMessage } from '../words/notices';
import type { HidePart } from './embed/embedApi';
import type { MetricRecord } from '../core/export/history';
import type { HistoryPoint } from './history';

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
  /** In English, for the embed API's hosts. */
  readonly message: string;
  /** The same as a code, for the page to word in the language on screen. */
  readonly said: NoticeMessage;
}

/** A notice keeps its code, not its words: it is worded when shown, in the language on screen (src/words/notices.ts). */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warning' | 'error';
  readonly message: NoticeMessage;
}

/** App switches beside the session (language will join). */
export interface ViewOptions {
  readonly autoplay: boolean;
  /** Parts of the page taken away (`hide=`, docs/embedding.md), in HIDE_PARTS order. */
  readonly hide: readonly HidePart[];
  /**
   * The embed's host origin (`origin=`): null talks to any host; '' (an origin that could not be
   * read) talks to none.
   */
  readonly origin: string | null;
  /** `theme=`: the colour theme, or the system's preference (the default). */
  readonly theme: ThemeChoice;
  /** `lang=`: the page's language, or null for the browser's. */
  readonly lang: Lang | null;
  /** The lesson shown above the workspace (`lesson=`, docs/lessons.md), or null. */
  readonly lesson: string | null;
}

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const DEFAULT_VIEW: ViewOptions = { autoplay: false, hide: [], origin: null, theme: 'system', lang: null, lesson: null };

/** What the page shows of one run (index as in session.runs). */
export interface RunView {
  /** Stable for the run's life (React keys): survives the removal of a run before it. */
  readonly key: number;
  /** Its colour (an index into the Okabe–Ito palette): kept for its life, so removing a run recolours none. */
  readonly colour: number;
  readonly snapshot: Snapshot | null;
  readonly history: readonly HistoryPoint[];
  /**
   * Every snapshot's metrics, unthinned, for the Export menu (docs/export.md#data). Appended in
   * place (a long run has hundreds of thousands; copying per snapshot would be quadratic) and
   * replaced, never cleared, when the run restarts, so an older state never sees a newer run's.
   */
  readonly metrics: MetricRecord[];
  /** Steps per second of this run (0 while halted). */
  readonly stepsPerSecond: number;
  /** null, or why this run is halted (the others go on). */
  readonly diverged: Divergence | null;
}

/** The stages of one step, shown in turn by the step-through (docs/math.md#see-the-gradient). */
export const STEP_STAGES = ['noise', 'push', 'score', 'move'] as const;
export type StepStage = (typeof STEP_STAGES)[number];

/** The teaching overlays on run 0's plot; not part of the link. */
export interface ExplainView {
  /** Draw each display sample's gradient as an arrow. */
  readonly gradients: boolean;
  /** The step-through's stage, or null when it is off. */
  readonly stage: StepStage | null;
  /** Run 0's snapshot before the step taken at stage 'move' (its q drawn dashed beside the new one). */
  readonly before: Snapshot | null;
}

export const NO_EXPLAIN: ExplainView = { gradients: false, stage: null, before: null };

export interface PlaygroundState {
  readonly session: SessionConfig;
  readonly view: ViewOptions;
  /** One per session.runs entry, in the same order. */
  readonly runs: readonly RunView[];
  readonly status: EngineStatus;
  /** What the page shows and asks for: false at once on a Pause. */
  readonly playing: boolean;
  /**
   * Whether the engine takes steps, by its own word (its last status). After a Pause it turns
   * false only once the engine has stopped and its last snapshots are in `runs`: from then the
   * step holds still (the embed reports it, docs/embedding.md).
   */
  readonly stepping: boolean;
  readonly backend: BackendName | null;
  readonly calibration: readonly BackendTiming[];
  /** The target on the plot grid: every run shares it. */
  readonly field: TargetField | null;
  readonly notices: readonly Notice[];
  readonly error: EngineError | null;
  /** Times the engine worker was replaced after a fault (this page load). */
  readonly restarts: number;
  readonly explain: ExplainView;
}

let noticeId = 0;
export const makeNotice = (tone: Notice['tone'], message: NoticeMessage): Notice => ({ id: ++noticeId, tone, message });

let runKey = 0;
/** A new run's view, in the first colour no other run has. */
export const emptyRun = (others: readonly RunView[] = []): RunView => {
  let colour = 0;
  while (others.some((r) => r.colour === colour)) colour++;
  return { key: ++runKey, colour, snapshot: null, history: [], metrics: [], stepsPerSecond: 0, diverged: null };
};

function emptyRuns(n: number): RunView[] {
  const runs: RunView[] = [];
  for (let i = 0; i < n; i++) runs.push(emptyRun(runs));
  return runs;
}

export const initialState = (session: SessionConfig, view: ViewOptions, notices: Notice[]): PlaygroundState => ({
  session,
  view,
  runs: emptyRuns(session.runs.length),
  status: 'starting',
  playing: false,
  stepping: false,
  backend: null,
  calibration: [],
  field: null,
  notices,
  error: null,
  restarts: 0,
  explain: NO_EXPLAIN,
});

/**
 * The store holds what the UI draws; it never runs tfjs. Its changes are the pure reducers of
 * sessionReducers.ts, tested without a worker.
 */
export const usePlayground = create<PlaygroundState>(() => initialState(defaultSession(), DEFAULT_VIEW, []));

/** The session's step: the furthest run's (a run added later starts at 0). */
export const selectStep = (s: PlaygroundState): number => s.runs.reduce((m, r) => Math.max(m, r.snapshot?.step ?? 0), 0);
