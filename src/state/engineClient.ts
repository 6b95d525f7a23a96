import type { RunState } from '../core/engine/run';
import { changeKind } from '../core/rules';
import { type SessionConfig, runConfigOf } from '../core/session';
import type { FaultDrill, FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { type Keep, withDivergence, withoutDivergences, withReset, withSnapshot } from './sessionReducers';
import { type PlaygroundState, makeNotice, usePlayground } from './store';
import { type FaultReason, type NoticeMessage, wordNotice } from '../words/notices';
import { spawnEngineWorker, takeEarlyWorker } from './engineWorker';
import { WorkerSupervisor } from './workerSupervisor';
import { FramePacer } from './framePacer';

type SnapshotMessage = Extract<FromWorker, { type: 'snapshot' }>;

/** A frame that does not come (a hidden tab, a throttled iframe) is replaced by a timer after this. */
const NO_FRAME_MS = 250;

/** Commands after which the worker may be silent for a while (shader compilation, calibration). */
const SLOW: ReadonlySet<ToWorker['type']> = new Set(['configure', 'update', 'reset', 'play', 'resume', 'step']);


/**
 * The bridge between the store and the engine worker: commands go out as typed messages,
 * snapshots come back and land in the store. With its WorkerSupervisor, the only code that
 * knows a Worker exists. It keeps what a fresh worker needs to carry on after a fault: the
 * session and each run's last state.
 */
export class EngineClient {
  private readonly supervisor: WorkerSupervisor;
  private autoplayed = false;
  private session: SessionConfig | null = null;
  /** Bumped by every configure/reset: a state is kept only if it belongs to the current runs. */
  private epoch = 0;
  private states: (RunState | null)[] = [];
  /** A restart whose notice waits for the new worker's first snapshot (so "carried on" is true). */
  private restartNotice: NoticeMessage | null = null;
  private pending: SnapshotMessage[] = [];
  private flushScheduled = false;
  /** The schedule a flush callback belongs to: a timer or frame left from an earlier one does nothing. */
  private flushToken = 0;
  private readonly pacer: FramePacer;
  /**
   * Posts to itself. A flush runs in the task right after an animation frame, so React's render and
   * the browser's layout and paint of it fall in two tasks (the next frame's), not one long one
   * (issue 9: each under 50 ms on a phone's CPU); the frame that rendered it posts again, and that
   * message ends the frame's cost.
   */
  private readonly frameTasks: MessageChannel | null;
  /** The flushes that `frameTasks` runs next, in order (each checks its schedule's token). */
  private readonly flushesAfterFrame: (() => void)[] = [];

  /**
   * `minFrameMs`: the least time between two redraws. 0 (the page): as often as drawing's cost
   * allows (framePacer.ts). An embed asks for more, as several may share one page's main thread
   * (same-origin frames do).
   */
  constructor(minFrameMs = 0) {
    this.pacer = new FramePacer({ minFrameMs });
    this.frameTasks = typeof MessageChannel === 'function' ? new MessageChannel() : null;
    if (this.frameTasks) {
      this.frameTasks.port1.onmessage = (e: MessageEvent<number | null>) => {
        if (e.data !== null) {
          this.pacer.end(performance.now(), e.data);
          return;
        }
        this.flushesAfterFrame.shift()?.();
      };
    }
    this.supervisor = new WorkerSupervisor(
      () => takeEarlyWorker() ?? spawnEngineWorker(),
      {
        message: (msg) => this.receive(msg),
        restarted: (reason) => this.restarted(reason),
        gaveUp: (reason, faults) => this.gaveUp(reason, faults),
      },
    );
  }

  /**
   * A new session: run i continues the old run keep[i] (the worker rebuilds only what changed).
   * `carryOn`: every run starts from the current runs' parameters (same family, new optimiser).
   */
  configure(session: SessionConfig, keep?: Keep, carryOn = false): void {
    const previous = this.session;
    // States follow their runs; a run that will be rebuilt has none to carry on from.
    this.states = (keep ?? session.runs.map((_, i) => i)).map((k, i) => {
      if (k === null || !previous || !previous.runs[k]) return null;
      if (!carryOn && changeKind(runConfigOf(previous, k), runConfigOf(session, i)) === 'rebuild') return null;
      return this.states[k] ?? null;
    });
    this.session = session;
    this.epoch++;
    // Queued snapshots name runs by their old indices: a frame's worth is dropped, not misplaced.
    this.pending = [];
    const restore = carryOn ? this.states : [];
    this.send({ type: 'configure', session, epoch: this.epoch, restore, ...(keep ? { keep } : {}) });
  }

  /** A live change to the same runs (sliders). */
  update(session: SessionConfig): void {
    this.session = session;
    this.send({ type: 'update', session });
  }

  /**
   * autoplay=1: Play goes out right behind the first configure (the worker handles them in
   * order), not after a round trip through this thread, which is busy with the first render.
   */
  autoplay(): void {
    if (this.autoplayed) return;
    this.autoplayed = true;
    this.play();
  }

  /** Never play by itself: someone else (the embed's visibility watch) decides when. */
  holdAutoplay(): void {
    this.autoplayed = true;
  }

  play(): void {
    usePlayground.setState((s) => ({ playing: true, error: null, ...withoutDivergences(s) }));
    this.send({ type: 'play' });
  }

  pause(): void {
    usePlayground.setState({ playing: false });
    this.send({ type: 'pause' });
  }

  step(n = 1): void {
    usePlayground.setState(withoutDivergences);
    this.send({ type: 'step', n });
  }

  reset(): void {
    this.epoch++;
    this.states = [];
    this.pending = [];
    usePlayground.setState(withReset);
    this.send({ type: 'reset', epoch: this.epoch });
  }

  /** Carry on one diverged run from the finite parameters it was set back to. */
  resume(run: number): void {
    usePlayground.setState((s) => ({ playing: true, ...withDivergence(s, run, null) }));
    this.send({ type: 'resume', run });
  }

  /** Test hooks only: break the worker on purpose. */
  drill(fault: FaultDrill | 'terminate'): void {
    if (fault === 'terminate') this.supervisor.terminateSilently();
    else this.send({ type: 'drill', fault });
  }

  private send(msg: WithoutVersion<ToWorker>): void {
    this.supervisor.send({ ...msg, v: PROTOCOL_VERSION } as ToWorker, SLOW.has(msg.type));
  }

  /** A fresh worker replaced one that failed: give it the runs and their last states, and play on. */
  private restarted(reason: FaultReason): void {
    const { playing } = usePlayground.getState();
    const step = Math.max(0, ...this.states.map((st) => st?.step ?? 0));
    this.restartNotice = { code: 'restarted', reason, step };
    // The old worker is gone: the new one steps only once told to (its status says so).
    usePlayground.setState((s) => ({ status: 'starting', stepping: false, error: null, restarts: s.restarts + 1 }));
    if (this.session === null) return;
    this.epoch++;
    this.send({ type: 'configure', session: this.session, epoch: this.epoch, restore: this.states });
    if (playing) this.send({ type: 'play' });
  }

  private gaveUp(reason: FaultReason, faults: number): void {
    const said: NoticeMessage = { code: 'gave-up', reason, faults };
    usePlayground.setState({ status: 'error', playing: false, stepping: false, error: { kind: 'crashed', message: wordNotice(said), said } });
  }

  private receive(msg: FromWorker): void {
    const set = usePlayground.setState;
    switch (msg.type) {
      case 'calibrating':
        if (!msg.background) set({ status: 'starting' });
        break;
      case 'ready':
        set({ status: 'ready', backend: msg.backend, calibration: msg.calibration });
        // autoplay=1 starts the first run once warm; a later re-measurement must not undo a Pause.
        if (usePlayground.getState().view.autoplay && !this.autoplayed) {
          this.autoplayed = true;
          this.play();
        }
        break;
      case 'field':
        // Every run of a session has the same target, so any run's field is the session's.
        set({ field: msg.field });
        break;
      case 'snapshot':
        // A snapshot of an older session may name a run by an index that now means another run.
        if (msg.epoch !== this.epoch) break;
        this.states[msg.run] = msg.state;
        if (this.restartNotice !== null) {
          const said = this.restartNotice;
          this.restartNotice = null;
          set((s) => ({ notices: [...s.notices, makeNotice('warning', said)] }));
        }
        this.queueSnapshot(msg);
        break;
      case 'status':
        // Stopped: what it computed before stopping is shown at once, not a paced frame later
        // (the snapshots came before this message), so a paused page holds still from here.
        if (!msg.playing) this.flushAll();
        set({ playing: msg.playing, stepping: msg.playing });
        break;
      case 'error':
        this.receiveError(msg);
        break;
      case 'pong':
        break;
    }
  }

  /**
   * Snapshots reach the store at most once a frame: four runs post 4 × 30 snapshots a second, and
   * one store update (one render) each would keep the main thread busy until the page stopped
   * answering. The FramePacer spaces frames and says how many runs each draws, from what drawing
   * has cost. The timer flushes when frames do not come (a hidden tab).
   */
  private queueSnapshot(msg: SnapshotMessage): void {
    this.pending.push(msg);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const token = ++this.flushToken;
    const flush = () => {
      if (token === this.flushToken) this.flushSnapshots();
    };
    const wait = this.pacer.wait(performance.now());
    const onFrame = () => {
      if (typeof requestAnimationFrame !== 'function' || !this.frameTasks) return;
      const tasks = this.frameTasks;
      requestAnimationFrame(() => {
        this.flushesAfterFrame.push(flush);
        tasks.port2.postMessage(null);
      });
    };
    if (wait > 0) setTimeout(onFrame, wait);
    else onFrame();
    setTimeout(flush, wait + NO_FRAME_MS);
  }

  /** Every queued snapshot into the store now, in one update; the scheduled flush is dropped. */
  private flushAll(): void {
    if (this.pending.length === 0) return;
    this.flushToken++;
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    this.apply(batch);
  }

  private flushSnapshots(): void {
    if (!this.flushScheduled) return;
    this.flushScheduled = false;
    // Only a few runs redraw in one frame (as many as fit the pacer's budget); the rest wait for
    // the next, so four runs spread their drawing over frames instead of making one long task of it.
    // Oldest first: the runs that waited longest go now.
    const runs = [...new Set(this.pending.map((m) => m.run))].slice(0, this.pacer.runsPerFrame());
    const batch = this.pending.filter((m) => runs.includes(m.run));
    this.pending = this.pending.filter((m) => !runs.includes(m.run));
    if (batch.length === 0) return;
    this.pacer.begin(performance.now(), runs.length);
    if (this.pending.length > 0) this.scheduleFlush();
    this.apply(batch);
    this.measureFrame();
  }

  /** Ends the frame's cost after the frame that renders the flush: the wait for that frame is idle. */
  private measureFrame(): void {
    const tasks = this.frameTasks;
    const flushed = performance.now();
    if (!tasks) return;
    if (typeof requestAnimationFrame !== 'function') {
      tasks.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(() => tasks.port2.postMessage(performance.now() - flushed));
  }

  private apply(batch: readonly SnapshotMessage[]): void {
    usePlayground.setState((s) => {
      let next: PlaygroundState = s;
      for (const m of batch) next = { ...next, ...withSnapshot(next, m.run, m.snapshot, m.stepsPerSecond, m.halted) };
      // Not the snapshots' `playing`: a batch lands after the 'status' messages that followed
      // them (a run that halts posts its last snapshot while still playing, then status false).
      return next;
    });
  }

  private receiveError(msg: Extract<FromWorker, { type: 'error' }>): void {
    const set = usePlayground.setState;
    // The page words what it has a code for; anything else is the engine's own words, framed.
    const said: NoticeMessage =
      msg.code === 'webgl-lost'
        ? { code: 'webgl-lost', step: msg.step ?? 0 }
        : msg.problems
          ? { code: 'refused', problems: msg.problems }
          : { code: 'engine-text', text: msg.message };
    switch (msg.kind) {
      case 'diverged': {
        const run = msg.run ?? 0;
        set((s) => withDivergence(s, run, { step: msg.step ?? 0, message: msg.message }));
        break;
      }
      case 'backend':
        // The engine carried on elsewhere: a notice, not a stop.
        set((s) => ({ notices: [...s.notices, makeNotice('warning', said)] }));
        break;
      case 'config':
        set((s) => ({ playing: false, error: { kind: msg.kind, message: msg.message, said }, notices: [...s.notices, makeNotice('error', said)] }));
        break;
      default:
        set({ playing: false, error: { kind: msg.kind, message: msg.message, said } });
    }
  }
}
