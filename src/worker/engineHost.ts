import { type Backend, SPEED } from '../core/config';
import type { RunConfig } from '../core/config';
import { ConfigError } from '../core/config';
import { type HostSettings, parseSession, runConfigsOf } from '../core/session';
import { wordError } from '../words/problems';
import type { RunState } from '../core/engine/run';
import { LazyTfjs, type LoadTfjs, stepsWithTfjs } from './lazyTfjs';
import type { BackendName, BackendTiming, FromWorker, ToWorker, WithoutVersion } from './protocol';
import { FRAME_INTERVAL_MS, Pacer } from './pacer';
import { PROTOCOL_VERSION } from './protocol';
import { type Slot, allFinite, disposeQuietly, isDivergence, keptStates, makeSlot, reuseSlots, settleAfterDivergence } from './slot';
import type { WebglWatch } from './webglWatch';

/** Time spent stepping before yielding to incoming messages. */
const SLICE_MS = 12;
/**
 * With backend=auto the runs start on cpu at once and, when some run steps with tfjs, the
 * backends are measured this long after Play (the first frames are out by then): a shader
 * compilation never stands between opening a link and the first step.
 */
const MEASURE_AFTER_MS = 1500;
/**
 * A session whose runs all step on the plain-JS fast path starts without tfjs; tfjs is loaded this
 * long after (the first frames are out by then), so a later change that needs it finds it there.
 */
const PRELOAD_TFJS_AFTER_MS = 1500;

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/**
 * Owns up to MAX_RUNS Runs inside the worker (compared runs share one worker and one backend),
 * and tfjs, which it loads only when a run steps with it or a backend is to be measured (runs on
 * the fast path are built and stepped before: docs/architecture.md#lazy-tfjs). Steps every run
 * in turn within a time slice, and posts snapshots at most at frame rate. Independent of worker
 * globals so it can be driven from a test or a benchmark page too (`loadTfjs` stands in for the
 * chunk's import in tests).
 *
 * Faults it handles itself: a run that diverges is halted alone (the others go on); a lost
 * WebGL context moves every run to cpu from its last state. Faults it cannot handle (a crash, a
 * hang) are the client's to notice: it answers pings between time slices.
 */
export class EngineHost {
  private slots: Slot[] = [];
  private epoch = 0;
  private backend: BackendName | null = null;
  private backendRequest: Backend | null = null;
  private host: HostSettings = { speed: SPEED.default, backend: 'auto' };
  private calibration: readonly BackendTiming[] = [];
  /** What the backend was measured on: a new kind of workload is measured again (backend=auto). */
  private calibratedFor: string | null = null;
  private webgl: WebglWatch | null = null;
  private recovering = false;
  private playing = false;
  /**
   * A Play waits in the queue behind the configure being handled (autoplay=1 sends them together):
   * the runs' warm-up read-outs are then a playing run's, which leave the gradient SNR to the next
   * refresh (run.ts), so the first steps show sooner.
   */
  private playAhead = false;
  private startingUp: Promise<void> | null = null;
  /** When the background measurement is due (null: none is); `measuring` holds the ticks meanwhile. */
  private measureDue: number | null = null;
  private measuring = false;
  private lastPost = 0;
  private stepsPerSecond = 0;
  private readonly pacer = new Pacer();
  /** One tick chain at a time: play, rebuild and the tick itself all ask to schedule. */
  private tickPending = false;
  private readonly scheduler = new MessageChannel();
  /** Messages are handled one after another, so a configure that calibrates finishes before the next is looked at. */
  private queue: Promise<void> = Promise.resolve();
  private readonly tfjs: LazyTfjs;
  private preloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly post: Post,
    loadTfjs?: LoadTfjs,
  ) {
    this.scheduler.port1.onmessage = () => this.tick();
    this.tfjs = new LazyTfjs(loadTfjs);
  }

  /** Entry for the worker: pings are answered at once (between slices), the rest in order. */
  receive(msg: ToWorker): void {
    if (msg.type === 'ping') {
      this.send({ type: 'pong' });
      return;
    }
    if (msg.type === 'play') this.playAhead = true;
    this.enqueue(() => this.handle(msg));
  }

  async handle(msg: ToWorker): Promise<void> {
    if (msg.v !== PROTOCOL_VERSION) {
      this.send({ type: 'error', kind: 'protocol', message: `protocol version ${msg.v} ≠ ${PROTOCOL_VERSION}; reload the page` });
      return;
    }
    try {
      switch (msg.type) {
        case 'configure': {
          const session = parseSession(msg.session);
          this.epoch = msg.epoch ?? 0;
          this.host = session;
          await this.configure(runConfigsOf(session), msg.restore ?? [], msg.keep);
          break;
        }
        case 'update': {
          const session = parseSession(msg.session);
          this.host = session;
          await this.update(runConfigsOf(session));
          break;
        }
        case 'play':
          // Play means every run: halted (diverged) ones carry on from their restored parameters.
          for (const slot of this.slots) slot.halted = false;
          this.setPlaying(true);
          break;
        case 'resume': {
          const slot = this.slots[msg.run];
          if (slot) slot.halted = false;
          this.setPlaying(true);
          break;
        }
        case 'pause':
          // Stopped first, so the last snapshots are unbudgeted: paused, every number is current
          // (the read-outs while playing may trail the step). They go out before the stopped
          // status, which is then the engine's last word: the page lands them all on it and holds
          // still from there (engineClient.ts), and a host can wait for it (the embed's `stepping`).
          this.playing = false;
          this.playAhead = false;
          this.postSnapshots();
          this.setPlaying(false);
          break;
        case 'step':
          await this.startingUp;
          this.slots.forEach((slot, i) => {
            slot.halted = false;
            this.stepSlot(i, Math.max(1, Math.floor(msg.n)));
          });
          this.postSnapshots();
          break;
        case 'reset':
          await this.startingUp;
          this.epoch = msg.epoch ?? 0;
          this.rebuildAll(
            this.slots.map((s) => s.config),
            [],
          );
          break;
        case 'drill':
          // The other drills act on the worker itself (engine.worker.ts).
          if (msg.fault === 'lose-webgl' && !this.webgl?.lose()) {
            this.send({ type: 'error', kind: 'backend', message: 'drill: the engine is not on webgl, no context to lose' });
          }
          break;
        case 'ping':
          this.send({ type: 'pong' });
          break;
      }
    } catch (e) {
      this.fail(e, msg.type === 'configure' || msg.type === 'update' ? 'config' : 'internal');
    }
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job);
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.playAhead = false;
    if (playing) this.pacer.restart();
    // The first frame after Play goes out after the first slice, not a frame interval later.
    if (playing) this.lastPost = 0;
    if (playing && this.measureDue === Number.POSITIVE_INFINITY) this.measureDue = performance.now() + MEASURE_AFTER_MS;
    this.send({ type: 'status', playing });
    this.schedule();
  }

  private async configure(configs: RunConfig[], restore: readonly (RunState | null)[], keep?: readonly (number | null)[]): Promise<void> {
    const wanted = this.host.backend;
    const workload = workloadKind(configs);
    const remeasure = wanted === 'auto' && workload !== this.calibratedFor;
    const needsTfjs = stepsWithTfjs(configs);
    let carried = restore;
    if (this.backend === null || wanted !== this.backendRequest || remeasure) {
      // Runs the new session keeps carry on from their parameters after the measurement (which
      // needs the backend to itself): another family in run 3 does not send runs 1, 2 and 4 back to 0.
      if (carried.length === 0) carried = keptStates(this.slots, configs, keep ?? configs.map((_, i) => i));
      this.backendRequest = wanted;
      this.calibratedFor = workload;
      this.disposeRuns();
      this.send({ type: 'calibrating' });
      // auto starts on cpu now and measures later, in the background, only if it could matter.
      const quick = wanted === 'auto';
      this.measureDue = quick && needsTfjs ? Number.POSITIVE_INFINITY : null;
      this.startingUp = (quick ? this.startOnCpu(needsTfjs) : this.tfjs.get().then((side) => side.chooseBackend(configs, wanted))).then(({ backend, calibration }) => {
        this.backend = backend;
        this.calibration = calibration;
        this.watchBackend();
        this.send({ type: 'ready', backend, calibration });
      });
    }
    await this.startingUp;
    // A run that steps with tfjs is made once tfjs is here; fast-path runs start now, and tfjs
    // follows in the background.
    if (needsTfjs) await this.tfjs.get();
    else this.preloadTfjs();
    // One task's wait lets a Play sent right behind this configure (autoplay=1) arrive before the
    // runs' warm-up read-outs, which are then a playing run's (playAhead).
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (carried.length > 0 || this.slots.length === 0) this.rebuildAll(configs, carried);
    else this.reuse(configs, keep ?? configs.map((_, i) => i));
  }

  /**
   * backend=auto: start on cpu at once, which always works and needs no shaders (the first step
   * within a second). Runs that all step on the fast path do not even wait for tfjs: cpu is where
   * tfjs will start when it comes.
   */
  private async startOnCpu(needsTfjs: boolean): Promise<{ backend: BackendName; calibration: BackendTiming[] }> {
    if (needsTfjs) await this.tfjs.get();
    return { backend: 'cpu', calibration: [] };
  }

  /** Load tfjs a little after the first frames, unless it is loaded or on its way. */
  private preloadTfjs(): void {
    if (this.tfjs.loaded || this.preloadTimer !== null) return;
    this.preloadTimer = setTimeout(() => {
      // A failed preload is no fault: a run that needs tfjs tries again and reports it then.
      this.tfjs.get().catch(() => undefined);
    }, PRELOAD_TFJS_AFTER_MS);
  }

  /** A live change to the same runs: each in place where rules.ts allows, else rebuilt alone. */
  private async update(configs: RunConfig[]): Promise<void> {
    await this.startingUp;
    if (configs.length !== this.slots.length || this.host.backend !== this.backendRequest) {
      await this.configure(configs, []);
      return;
    }
    // A run rebuilt on the tfjs path (another objective or estimator) waits for tfjs; the others step on meanwhile.
    if (stepsWithTfjs(configs)) await this.tfjs.get();
    this.reuse(configs, configs.map((_, i) => i));
    if (!this.playing) this.postSnapshots();
  }

  /**
   * The new session's runs from the old ones: run i continues old run keep[i] when it still
   * can (in place for a live change), the rest start afresh; old runs not kept are freed.
   */
  private reuse(configs: RunConfig[], keep: readonly (number | null)[]): void {
    const { slots, freed } = reuseSlots(this.slots, configs, keep);
    this.slots = slots;
    for (const slot of freed) disposeQuietly(slot);
    this.slots.forEach((slot, i) => {
      if (slot.run.field.version !== slot.lastFieldVersion) this.sendField(i);
    });
    this.postSnapshots();
    this.schedule();
  }

  private rebuildAll(configs: RunConfig[], restore: readonly (RunState | null)[]): void {
    this.disposeRuns();
    this.slots = configs.map((config, i) => makeSlot(config, restore[i] ?? null));
    for (let i = 0; i < this.slots.length; i++) this.sendField(i);
    this.postSnapshots();
    this.schedule();
  }

  private disposeRuns(): void {
    for (const slot of this.slots) disposeQuietly(slot);
    this.slots = [];
  }

  private watchBackend(): void {
    this.webgl?.stop();
    // Only a loaded tfjs can be on webgl.
    this.webgl = this.tfjs.loaded?.watchWebgl(() => this.onContextLost()) ?? null;
  }

  /** Called by the event, or by a tick that finds the context gone first. Recovers once. */
  private onContextLost(): void {
    if (this.recovering || this.backend !== 'webgl') return;
    this.recovering = true;
    this.enqueue(() => this.recoverOnCpu());
  }

  /**
   * The GPU context is gone and with it every tensor on it: carry each run on on cpu from the
   * last state read back while the context was alive, and keep playing if it was.
   */
  private async recoverOnCpu(): Promise<void> {
    const wasPlaying = this.playing;
    this.playing = false;
    this.webgl?.stop();
    this.webgl = null;
    const configs = this.slots.map((s) => s.config);
    const states = this.slots.map((s) => s.state);
    try {
      this.disposeRuns();
      await (await this.tfjs.get()).abandonWebgl();
      this.backend = 'cpu';
      const step = states[0]?.step ?? 0;
      this.send({
        type: 'error',
        kind: 'backend',
        code: 'webgl-lost',
        step,
        message: `WebGL stopped working (the GPU context was lost). The engine switched to the cpu backend and carried on from step ${step.toLocaleString('en-US')}; it may be slower.`,
      });
      this.send({ type: 'ready', backend: 'cpu', calibration: this.calibration });
      this.playing = wasPlaying;
      if (configs.length > 0) this.rebuildAll(configs, states);
      this.send({ type: 'status', playing: this.playing });
    } catch (e) {
      this.fail(e, 'internal');
    } finally {
      this.recovering = false;
    }
  }

  /**
   * The runs have been stepping on cpu; some step with tfjs, so time the backends on their
   * workload (the ticks wait meanwhile) and move the runs, from their states, to the winner.
   */
  private async measureInBackground(): Promise<void> {
    const configs = this.slots.map((s) => s.config);
    const states = this.slots.map((s) => s.run.exportState());
    const before = this.backend;
    this.send({ type: 'calibrating', background: true });
    this.startingUp = this.tfjs
      .get()
      .then((side) => side.chooseBackend(configs, 'auto'))
      .then(({ backend, calibration }) => {
      this.backend = backend;
      this.calibration = calibration;
      this.watchBackend();
      if (backend !== before) this.rebuildAll(configs, states);
      this.send({ type: 'ready', backend, calibration });
    });
    try {
      await this.startingUp;
    } catch (e) {
      this.fail(e, 'internal');
    } finally {
      this.measuring = false;
      this.schedule();
    }
  }

  private sendField(index: number): void {
    const slot = this.slots[index];
    slot.lastFieldVersion = slot.run.field.version;
    // Copied, not transferred: the Run keeps using its log p̃ grid.
    this.send({ type: 'field', run: index, field: slot.run.field });
  }

  private schedule(delayMs = 0): void {
    if (!this.playing || this.tickPending || !this.slots.some((s) => !s.halted)) return;
    this.tickPending = true;
    // A MessageChannel post runs next without the 4 ms clamp of nested timeouts; when the speed
    // limit says wait, a timeout lets the worker idle instead of spinning.
    if (delayMs > 0) setTimeout(() => this.tick(), delayMs);
    else this.scheduler.port2.postMessage(0);
  }

  /** One time slice of training for every run; re-posts itself through a MessageChannel so messages interleave. */
  private tick(): void {
    this.tickPending = false;
    if (!this.playing || this.slots.length === 0 || this.measuring) return;
    if (this.measureDue !== null && performance.now() >= this.measureDue) {
      this.measureDue = null;
      this.measuring = true;
      this.enqueue(() => this.measureInBackground());
      return;
    }
    if (this.webgl?.lost()) {
      this.onContextLost();
      return;
    }
    try {
      const t0 = performance.now();
      const speed = this.host.speed;
      const unlimited = speed >= SPEED.max;
      this.pacer.begin(t0, speed);
      while (this.playing && performance.now() - t0 < SLICE_MS) {
        const n = this.pacer.next(unlimited);
        if (n === 0) break;
        const c0 = performance.now();
        this.slots.forEach((slot, i) => {
          if (!slot.halted) this.stepSlot(i, n);
        });
        this.pacer.took(n, performance.now() - c0);
      }
      if (performance.now() - this.lastPost >= FRAME_INTERVAL_MS) this.postSnapshots();
      this.schedule(this.pacer.delay(speed, unlimited));
    } catch (e) {
      // A context lost in the middle of a slice surfaces as an odd WebGL error: recover instead.
      if (this.webgl?.lost()) this.onContextLost();
      else this.fail(e, 'internal');
    }
  }

  /** n steps of one run; a divergence halts that run only. */
  private stepSlot(index: number, n: number): void {
    const slot = this.slots[index];
    try {
      slot.run.run(n);
      slot.run.flush();
    } catch (e) {
      if (!isDivergence(e)) throw e;
      this.halt(index, e.step, e.message);
    }
  }

  /** A run diverged: keep it at finite parameters, say where, and let the others go on. */
  private halt(index: number, step: number, message: string): void {
    const slot = this.slots[index];
    if (slot.halted) return;
    slot.halted = true;
    settleAfterDivergence(slot);
    this.send({ type: 'error', kind: 'diverged', run: index, step, message });
    // Show the parameters it was set back to (and the step they belong to).
    this.postSnapshot(index);
    if (this.playing && this.slots.every((s) => s.halted)) {
      this.playing = false;
      this.send({ type: 'status', playing: false });
    }
  }

  /** steps/s counts steps of each run (a 4-run comparison at 500 steps/s does 2,000 steps a second in all). */
  private postSnapshots(): void {
    if (this.webgl?.lost()) return;
    const now = performance.now();
    this.stepsPerSecond = this.pacer.measure(now, this.playing);
    this.lastPost = now;
    for (let i = 0; i < this.slots.length; i++) this.postSnapshot(i);
  }

  private postSnapshot(index: number): void {
    const slot = this.slots[index];
    try {
      const snapshot = slot.run.snapshot({ budgeted: this.playing || this.playAhead });
      const state = slot.run.exportState();
      if (allFinite(state)) slot.state = state;
      const transfer = [snapshot.samples.buffer as ArrayBuffer];
      if (snapshot.logq) transfer.push(snapshot.logq.buffer as ArrayBuffer);
      // The state is copied, not transferred: the slot keeps it for recovery.
      this.send(
        { type: 'snapshot', run: index, snapshot, state, epoch: this.epoch, stepsPerSecond: this.stepsPerSecond, playing: this.playing, halted: slot.halted },
        transfer,
      );
    } catch (e) {
      if (!isDivergence(e)) throw e;
      // An older Run notices NaN only here; the halted run's restored parameters are posted next frame.
      this.halt(index, e.step, e.message);
    }
  }

  private fail(e: unknown, kind: 'config' | 'internal'): void {
    this.playing = false;
    this.send({ type: 'status', playing: false });
    const problems = e instanceof ConfigError ? e.problems : undefined;
    this.send({ type: 'error', kind, message: wordError(e), ...(problems ? { problems } : {}) });
  }

  private send(msg: WithoutVersion<FromWorker>, transfer: Transferable[] = []): void {
    this.post({ ...msg, v: PROTOCOL_VERSION } as FromWorker, transfer);
  }
}

/**
 * The kind of work a set of runs does, for deciding when to measure the backends again: each
 * family, objective and estimator has its own op mix (targets share theirs closely enough).
 */
function workloadKind(configs: readonly RunConfig[]): string {
  return configs.map((c) => `${c.family.id}/${c.objective.id}/${c.estimator}`).join(',');
}
