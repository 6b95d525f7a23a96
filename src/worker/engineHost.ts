import { SPEED, parseRunConfig } from '../core/config';
import type { RunConfig } from '../core/config';
import { DivergenceError, Run } from '../core/engine/run';
import { chooseBackend } from './backends';
import type { BackendName, FromWorker, ToWorker, WithoutVersion } from './protocol';
import { MAX_RUNS, PROTOCOL_VERSION } from './protocol';

/** At most this many snapshots a second reach the UI (DESIGN.md: ~30–60). */
const FRAME_INTERVAL_MS = 1000 / 30;
/** Time spent stepping before yielding to incoming messages. */
const SLICE_MS = 12;

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** One hosted run and what the host remembers about it. */
interface Slot {
  config: RunConfig;
  run: Run;
  lastFieldVersion: number;
}

/**
 * Owns tfjs and up to MAX_RUNS Runs inside the worker (compared runs share one worker and one
 * backend): calibrates the backend before the first Play (the warm-up), steps every run in
 * turn within a time slice, and posts snapshots at most at frame rate. Independent of worker
 * globals so it can be driven from a test or a benchmark page too.
 */
export class EngineHost {
  private slots: Slot[] = [];
  private backend: BackendName | null = null;
  private backendRequest: RunConfig['backend'] | null = null;
  /** What the backend was measured on: a new kind of workload is measured again (backend=auto). */
  private calibratedFor: string | null = null;
  private playing = false;
  private startingUp: Promise<void> | null = null;
  private lastPost = 0;
  private stepsSincePost = 0;
  private rateWindowStart = 0;
  private stepsPerSecond = 0;
  private chunk = 1;
  /** Steps each run may still take under the speed limit (a token bucket refilled by elapsed time). */
  private allowance = 0;
  private lastTick = 0;
  /** One tick chain at a time: play, rebuild and the tick itself all ask to schedule. */
  private tickPending = false;
  private readonly scheduler = new MessageChannel();

  constructor(private readonly post: Post) {
    this.scheduler.port1.onmessage = () => this.tick();
  }

  async handle(msg: ToWorker): Promise<void> {
    if (msg.v !== PROTOCOL_VERSION) {
      this.send({ type: 'error', kind: 'protocol', message: `protocol version ${msg.v} ≠ ${PROTOCOL_VERSION}; reload the page` });
      return;
    }
    try {
      switch (msg.type) {
        case 'configure':
          await this.configure(parseConfigs(msg.configs));
          break;
        case 'update':
          await this.update(parseConfigs(msg.configs));
          break;
        case 'play':
          this.playing = true;
          this.lastTick = 0;
          this.allowance = 0;
          this.send({ type: 'status', playing: true });
          this.schedule();
          break;
        case 'pause':
          this.playing = false;
          this.send({ type: 'status', playing: false });
          break;
        case 'step':
          await this.startingUp;
          for (const slot of this.slots) slot.run.run(Math.max(1, Math.floor(msg.n)));
          this.postSnapshots();
          break;
        case 'reset':
          await this.startingUp;
          this.rebuild(this.slots.map((s) => s.config));
          break;
      }
    } catch (e) {
      this.fail(e, msg.type === 'configure' || msg.type === 'update' ? 'config' : 'internal');
    }
  }

  private async configure(configs: RunConfig[]): Promise<void> {
    const wanted = configs[0].backend;
    const workload = workloadKind(configs);
    const remeasure = wanted === 'auto' && workload !== this.calibratedFor;
    if (this.backend === null || wanted !== this.backendRequest || remeasure) {
      this.backendRequest = wanted;
      this.calibratedFor = workload;
      this.disposeRuns();
      this.send({ type: 'calibrating' });
      this.startingUp = chooseBackend(configs).then(({ backend, calibration }) => {
        this.backend = backend;
        this.send({ type: 'ready', backend, calibration });
      });
    }
    await this.startingUp;
    this.rebuild(configs);
  }

  private async update(configs: RunConfig[]): Promise<void> {
    await this.startingUp;
    const inPlace =
      configs.length === this.slots.length &&
      configs[0].backend === this.backendRequest &&
      configs.every((c, i) => this.slots[i].run.update(c));
    if (!inPlace) {
      await this.configure(configs);
      return;
    }
    this.slots.forEach((slot, i) => {
      slot.config = configs[i];
      if (slot.run.field.version !== slot.lastFieldVersion) this.sendField(i);
    });
    if (!this.playing) this.postSnapshots();
  }

  private rebuild(configs: RunConfig[]): void {
    this.disposeRuns();
    this.slots = configs.map((config) => ({ config, run: new Run(config), lastFieldVersion: -1 }));
    for (let i = 0; i < this.slots.length; i++) this.sendField(i);
    this.postSnapshots();
    this.schedule();
  }

  private disposeRuns(): void {
    for (const slot of this.slots) slot.run.dispose();
    this.slots = [];
  }

  private sendField(index: number): void {
    const slot = this.slots[index];
    slot.lastFieldVersion = slot.run.field.version;
    // Copied, not transferred: the Run keeps using its log p̃ grid.
    this.send({ type: 'field', run: index, field: slot.run.field });
  }

  private schedule(delayMs = 0): void {
    if (!this.playing || this.slots.length === 0 || this.tickPending) return;
    this.tickPending = true;
    // A MessageChannel post runs next without the 4 ms clamp of nested timeouts; when the speed
    // limit says wait, a timeout lets the worker idle instead of spinning.
    if (delayMs > 0) setTimeout(() => this.tick(), delayMs);
    else this.scheduler.port2.postMessage(0);
  }

  /** One time slice of training for every run; re-posts itself through a MessageChannel so messages interleave. */
  private tick(): void {
    this.tickPending = false;
    if (!this.playing || this.slots.length === 0) return;
    try {
      const t0 = performance.now();
      if (this.rateWindowStart === 0) this.rateWindowStart = t0;
      const speed = this.slots[0].config.speed;
      const unlimited = speed >= SPEED.max;
      // Refill the bucket; cap it so a pause or a slow frame does not bank a burst of steps.
      this.allowance = Math.min(this.allowance + (speed * (t0 - (this.lastTick || t0))) / 1000, Math.max(1, speed / 20));
      this.lastTick = t0;
      while (performance.now() - t0 < SLICE_MS && (unlimited || this.allowance >= 1)) {
        const c0 = performance.now();
        const n = unlimited ? this.chunk : Math.min(this.chunk, Math.floor(this.allowance));
        for (const slot of this.slots) {
          slot.run.run(n);
          slot.run.flush();
        }
        this.stepsSincePost += n;
        this.allowance -= n;
        // Aim for ~2 ms per chunk so the slice ends close to its budget.
        const per = (performance.now() - c0) / n;
        this.chunk = Math.max(1, Math.min(256, Math.round(2 / Math.max(per, 1e-3))));
      }
      if (performance.now() - this.lastPost >= FRAME_INTERVAL_MS) this.postSnapshots();
      this.schedule(unlimited || this.allowance >= 1 ? 0 : Math.max(1, Math.min(FRAME_INTERVAL_MS, ((1 - this.allowance) / speed) * 1000)));
    } catch (e) {
      this.fail(e, e instanceof DivergenceError ? 'diverged' : 'internal');
    }
  }

  /** steps/s counts steps of each run (a 4-run comparison at 500 steps/s does 2,000 steps a second in all). */
  private postSnapshots(): void {
    const now = performance.now();
    const elapsed = now - this.rateWindowStart;
    if (this.playing && elapsed > 0 && this.rateWindowStart > 0) {
      const rate = (this.stepsSincePost / elapsed) * 1000;
      // Smooth the read-out so it is legible, while still following a change of workload.
      this.stepsPerSecond = this.stepsPerSecond === 0 ? rate : 0.8 * this.stepsPerSecond + 0.2 * rate;
    }
    this.stepsSincePost = 0;
    this.rateWindowStart = this.playing ? now : 0;
    this.lastPost = now;
    try {
      this.slots.forEach((slot, run) => {
        const snapshot = slot.run.snapshot();
        const transfer = [snapshot.samples.buffer as ArrayBuffer];
        if (snapshot.logq) transfer.push(snapshot.logq.buffer as ArrayBuffer);
        this.send({ type: 'snapshot', run, snapshot, stepsPerSecond: this.stepsPerSecond, playing: this.playing }, transfer);
      });
    } catch (e) {
      this.fail(e, e instanceof DivergenceError ? 'diverged' : 'internal');
    }
  }

  private fail(e: unknown, kind: 'config' | 'diverged' | 'internal'): void {
    this.playing = false;
    this.send({ type: 'status', playing: false });
    this.send({ type: 'error', kind, message: e instanceof Error ? e.message : String(e) });
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

function parseConfigs(configs: readonly unknown[]): RunConfig[] {
  if (configs.length < 1 || configs.length > MAX_RUNS) throw new Error(`a worker hosts 1 to ${MAX_RUNS} runs, got ${configs.length}`);
  return configs.map(parseRunConfig);
}
