/**
 * When the page may draw the next batch of snapshots, and how many runs' worth, from what drawing
 * has cost so far on the page's own clock (docs/architecture.md#pacing-and-snapshots). Pure: the
 * caller passes the times in, so tests drive it with a fake clock.
 *
 * A frame's cost is its flush (store update, React's render and commit, in a task of its own) plus
 * the browser's style, layout and paint of the frame that shows it; the wait between the two is not
 * counted.
 * On a fast machine drawing costs a few ms and the pacer draws every frame; on a slow one (a phone,
 * Lighthouse's 4× CPU throttle) frames are spaced so drawing takes at most `busyShare` of the main
 * thread, and fewer runs are drawn per frame so that no single frame grows into a long task.
 */
export interface PacerOptions {
  /** The least time between two draws' starts (an embed asks for more, several share a thread). */
  readonly minFrameMs: number;
  /** The most of the main thread's time drawing may take, averaged over frames. */
  readonly busyShare: number;
  /** However slow drawing is, the page is redrawn at least this often. */
  readonly maxGapMs: number;
  /** A frame draws as many runs as fit in this (at least one). */
  readonly frameBudgetMs: number;
  /** ...and never more than this many. */
  readonly maxRunsPerFrame: number;
}

export const DEFAULT_PACER: PacerOptions = {
  minFrameMs: 0,
  busyShare: 0.4,
  maxGapMs: 500,
  // A third of a 60 Hz frame: at 4× slower CPU still under the 50 ms of a "long task".
  frameBudgetMs: 10,
  maxRunsPerFrame: 2,
};

/** Weight of the newest frame in the running averages: a few frames settle a change of pace. */
const SMOOTHING = 0.3;

export class FramePacer {
  private readonly options: PacerOptions;
  /** Running averages of one frame's cost and of that cost per run drawn (ms); null before the first. */
  private frameMs: number | null = null;
  private runMs: number | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;
  private started: { at: number; runs: number } | null = null;

  constructor(options: Partial<PacerOptions> = {}) {
    this.options = { ...DEFAULT_PACER, ...options };
  }

  /** Milliseconds from `now` until the next draw may start (0: now). */
  wait(now: number): number {
    const { minFrameMs, busyShare, maxGapMs } = this.options;
    // A frame that costs c ms, repeated every c / busyShare ms, keeps drawing to busyShare.
    const spacing = Math.max(minFrameMs, Math.min(maxGapMs, (this.frameMs ?? 0) / busyShare));
    return Math.max(0, this.lastStart + spacing - now);
  }

  /** How many of the runs with new snapshots the next frame draws. */
  runsPerFrame(): number {
    const { frameBudgetMs, maxRunsPerFrame } = this.options;
    // Before any draw is measured, one run: the first draws mount each run's plot and numbers,
    // the costliest there are (two at once made a 35 ms task opening a four-run link).
    if (this.runMs === null) return 1;
    if (this.runMs <= 0) return maxRunsPerFrame;
    return Math.max(1, Math.min(maxRunsPerFrame, Math.floor(frameBudgetMs / this.runMs)));
  }

  /** A draw of `runs` runs starts at `now`. */
  begin(now: number, runs: number): void {
    this.lastStart = now;
    this.started = { at: now, runs };
  }

  /**
   * The draw begun last is over at `now` (the first task after the frame that rendered it).
   * `idleMs`: the time between the draw's own task and that frame, spent waiting, not drawing.
   */
  end(now: number, idleMs = 0): void {
    if (this.started === null) return;
    const cost = Math.max(0, now - this.started.at - idleMs);
    const perRun = cost / Math.max(1, this.started.runs);
    this.started = null;
    this.frameMs = this.frameMs === null ? cost : this.frameMs + SMOOTHING * (cost - this.frameMs);
    this.runMs = this.runMs === null ? perRun : this.runMs + SMOOTHING * (perRun - this.runMs);
  }

  /** The running average of one frame's cost (ms), for tests and the smoothness script. */
  averageFrameMs(): number {
    return this.frameMs ?? 0;
  }
}
