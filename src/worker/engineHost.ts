import { SPEED } from '../core/config';
import type { RunConfig } from '../core/config';
import { ConfigError } from '../core/config';
import { type HostSettings, parseSession, runConfigsOf } from '../core/session';
import { wordError } from '../words/problems';
import type { RunState } from '../core/engine/run';
import { BackendLifecycle } from './backendLifecycle';
import { type LoadTfjs, stepsWithTfjs } from './lazyTfjs';
import type { FromWorker, ToWorker, WithoutVersion } from './protocol';
import { PROTOCOL_VERSION } from './protocol';
import { fieldMessage, snapshotMessage } from './runMessages';
import { SliceLoop } from './sliceLoop';
import { type Slot, disposeQuietly, isDivergence, keptStates, makeSlot, reuseSlots, settleAfterDivergence } from './slot';

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
  private host: HostSettings = { speed: SPEED.default, backend: 'auto' };
  /** The backend and tfjs: started, measured, lost (backendLifecycle.ts). */
  private readonly backends: BackendLifecycle;
  private playing = false;
  /**
   * A Play waits in the queue behind the configure being handled (autoplay=1 sends them together):
   * the runs' warm-up read-outs are then a playing run's, which leave the gradient SNR to the next
   * refresh (runReadouts.ts), so the first steps show sooner.
   */
  private playAhead = false;
  private stepsPerSecond = 0;
  private readonly slices = new SliceLoop(() => this.tick());
  /** Messages are handled one after another, so a configure that calibrates finishes before the next is looked at. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: Post,
    loadTfjs?: LoadTfjs,
  ) {
    this.backends = new BackendLifecycle(
      {
        send: (msg) => this.send(msg),
        contextLost: () => this.onContextLost(),
        measureDue: () => this.enqueue(() => this.measureInBackground()),
      },
      loadTfjs,
    );
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
          // Stopped first, so the last snapshots are unbudgeted (paused, every number is current).
          // They go out before the stopped status, the engine's last word: the page lands them all
          // on it and holds still (engineClient.ts); a host can wait for it (the embed's `stepping`).
          this.playing = false;
          this.playAhead = false;
          this.postSnapshots();
          this.setPlaying(false);
          break;
        case 'step':
          await this.backends.ready;
          this.slots.forEach((slot, i) => {
            slot.halted = false;
            this.stepSlot(i, Math.max(1, Math.floor(msg.n)));
          });
          this.postSnapshots();
          break;
        case 'reset':
          await this.backends.ready;
          this.epoch = msg.epoch ?? 0;
          this.rebuildAll(
            this.slots.map((s) => s.config),
            [],
          );
          break;
        case 'drill':
          // The other drills act on the worker itself (engine.worker.ts).
          if (msg.fault === 'lose-webgl' && !this.backends.loseContext()) {
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
    if (playing) this.slices.restart();
    if (playing) this.backends.played();
    this.send({ type: 'status', playing });
    this.schedule();
  }

  private async configure(configs: RunConfig[], restore: readonly (RunState | null)[], keep?: readonly (number | null)[]): Promise<void> {
    const wanted = this.host.backend;
    const needsTfjs = stepsWithTfjs(configs);
    let carried = restore;
    if (this.backends.mustStart(wanted, configs)) {
      // Runs the new session keeps carry on from their parameters after the measurement (which
      // needs the backend to itself): another family in run 3 does not send runs 1, 2 and 4 back to 0.
      if (carried.length === 0) carried = keptStates(this.slots, configs, keep ?? configs.map((_, i) => i));
      this.disposeRuns();
      this.backends.start(configs, wanted, needsTfjs);
    }
    await this.backends.ready;
    // A run that steps with tfjs is made once tfjs is here; fast-path runs start now, and tfjs
    // follows in the background.
    if (needsTfjs) await this.backends.tfjs.get();
    else this.backends.preloadTfjs();
    // One task's wait lets a Play sent right behind this configure (autoplay=1) arrive before the
    // runs' warm-up read-outs, which are then a playing run's (playAhead).
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (carried.length > 0 || this.slots.length === 0) this.rebuildAll(configs, carried);
    else this.reuse(configs, keep ?? configs.map((_, i) => i));
  }

  /** A live change to the same runs: each in place where rules.ts allows, else rebuilt alone. */
  private async update(configs: RunConfig[]): Promise<void> {
    await this.backends.ready;
    if (configs.length !== this.slots.length || this.host.backend !== this.backends.requested) {
      await this.configure(configs, []);
      return;
    }
    // A run rebuilt on the tfjs path (another objective or estimator) waits for tfjs; the others step on meanwhile.
    if (stepsWithTfjs(configs)) await this.backends.tfjs.get();
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

  /** Called by the event, or by a tick that finds the context gone first. Recovers once. */
  private onContextLost(): void {
    if (this.backends.beginRecovery()) this.enqueue(() => this.recoverOnCpu());
  }

  /**
   * The GPU context is gone and with it every tensor on it: carry each run on on cpu from the
   * last state read back while the context was alive, and keep playing if it was.
   */
  private async recoverOnCpu(): Promise<void> {
    const wasPlaying = this.playing;
    this.playing = false;
    this.backends.stopWatching();
    const configs = this.slots.map((s) => s.config);
    const states = this.slots.map((s) => s.state);
    try {
      this.disposeRuns();
      await this.backends.fallBackToCpu(states[0]?.step ?? 0);
      this.playing = wasPlaying;
      if (configs.length > 0) this.rebuildAll(configs, states);
      this.send({ type: 'status', playing: this.playing });
    } catch (e) {
      this.fail(e, 'internal');
    } finally {
      this.backends.recovered();
    }
  }

  /**
   * The runs have been stepping on cpu; some step with tfjs, so time the backends on their
   * workload (the ticks wait meanwhile) and move the runs, from their states, to the winner.
   */
  private async measureInBackground(): Promise<void> {
    const configs = this.slots.map((s) => s.config);
    const states = this.slots.map((s) => s.run.exportState());
    try {
      await this.backends.measure(configs, () => this.rebuildAll(configs, states));
    } catch (e) {
      this.fail(e, 'internal');
    } finally {
      this.backends.measured();
      this.schedule();
    }
  }

  private sendField(index: number): void {
    this.send(fieldMessage(this.slots[index], index));
  }

  private schedule(delayMs = 0): void {
    if (!this.playing || !this.slots.some((s) => !s.halted)) return;
    this.slices.schedule(delayMs);
  }

  /** One time slice of training for every run (sliceLoop.ts). */
  private tick(): void {
    if (!this.playing || this.slots.length === 0 || this.backends.holdsSlice()) return;
    try {
      const delay = this.slices.run({
        speed: this.host.speed,
        going: () => this.playing,
        stepAll: (n) =>
          this.slots.forEach((slot, i) => {
            if (!slot.halted) this.stepSlot(i, n);
          }),
        postFrame: () => this.postSnapshots(),
      });
      this.schedule(delay);
    } catch (e) {
      // A context lost in the middle of a slice surfaces as an odd WebGL error: recover instead.
      if (this.backends.isContextLost()) this.onContextLost();
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
    if (this.backends.isContextLost()) return;
    this.stepsPerSecond = this.slices.posted(performance.now(), this.playing);
    for (let i = 0; i < this.slots.length; i++) this.postSnapshot(i);
  }

  private postSnapshot(index: number): void {
    try {
      const post = { epoch: this.epoch, stepsPerSecond: this.stepsPerSecond, playing: this.playing, budgeted: this.playing || this.playAhead, runs: this.slots.length };
      const { msg, transfer } = snapshotMessage(this.slots[index], index, post);
      this.send(msg, transfer);
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
