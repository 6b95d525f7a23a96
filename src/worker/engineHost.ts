import { parseRunConfig } from '../core/config';
import type { RunConfig } from '../core/config';
import { DivergenceError, Run } from '../core/engine/run';
import { chooseBackend } from './backends';
import type { BackendName, FromWorker, ToWorker, WithoutVersion } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

/** At most this many snapshots a second reach the UI (DESIGN.md: ~30–60). */
const FRAME_INTERVAL_MS = 1000 / 30;
/** Time spent stepping before yielding to incoming messages. */
const SLICE_MS = 12;

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/**
 * Owns tfjs and the Run inside the worker: calibrates the backend before the first Play (the
 * warm-up), steps in time slices, and posts snapshots at most at frame rate. Everything here is
 * independent of worker globals so it can be driven from a test too.
 */
export class EngineHost {
  private run: Run | null = null;
  private config: RunConfig | null = null;
  private backend: BackendName | null = null;
  private playing = false;
  private startingUp: Promise<void> | null = null;
  private lastPost = 0;
  private stepsSincePost = 0;
  private rateWindowStart = 0;
  private stepsPerSecond = 0;
  private chunk = 1;
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
          await this.configure(parseRunConfig(msg.config));
          break;
        case 'update':
          await this.update(parseRunConfig(msg.config));
          break;
        case 'play':
          this.playing = true;
          this.send({ type: 'status', playing: true });
          this.schedule();
          break;
        case 'pause':
          this.playing = false;
          this.send({ type: 'status', playing: false });
          break;
        case 'step':
          await this.startingUp;
          if (this.run) {
            this.run.run(Math.max(1, Math.floor(msg.n)));
            this.postSnapshot();
          }
          break;
        case 'reset':
          await this.startingUp;
          if (this.config) this.rebuild(this.config);
          break;
      }
    } catch (e) {
      this.fail(e, msg.type === 'configure' || msg.type === 'update' ? 'config' : 'internal');
    }
  }

  private async configure(config: RunConfig): Promise<void> {
    const backendChanged = this.config !== null && this.config.backend !== config.backend;
    this.config = config;
    if (this.backend === null || backendChanged) {
      this.startingUp = this.startUp(config);
      await this.startingUp;
      return;
    }
    await this.startingUp;
    this.rebuild(config);
  }

  private async startUp(config: RunConfig): Promise<void> {
    this.run?.dispose();
    this.run = null;
    const { backend, calibration } = await chooseBackend(config);
    this.backend = backend;
    this.send({ type: 'ready', backend, calibration });
    this.rebuild(this.config ?? config);
  }

  private async update(config: RunConfig): Promise<void> {
    await this.startingUp;
    if (this.run && this.config && config.backend === this.config.backend && this.run.update(config)) {
      const fieldChanged = this.run.field.version !== this.lastFieldVersion;
      this.config = config;
      if (fieldChanged) this.sendField();
      if (!this.playing) this.postSnapshot();
      return;
    }
    await this.configure(config);
  }

  private lastFieldVersion = -1;

  private rebuild(config: RunConfig): void {
    this.run?.dispose();
    this.run = new Run(config);
    this.lastFieldVersion = -1;
    this.sendField();
    this.postSnapshot();
    this.schedule();
  }

  private sendField(): void {
    if (!this.run) return;
    const field = this.run.field;
    this.lastFieldVersion = field.version;
    // Copied, not transferred: the Run keeps using its log p̃ grid.
    this.send({ type: 'field', field });
  }

  private schedule(): void {
    if (this.playing && this.run) this.scheduler.port2.postMessage(0);
  }

  /** One time slice of training; re-posts itself through a MessageChannel so messages interleave. */
  private tick(): void {
    const run = this.run;
    if (!this.playing || !run) return;
    try {
      const t0 = performance.now();
      if (this.rateWindowStart === 0) this.rateWindowStart = t0;
      while (performance.now() - t0 < SLICE_MS) {
        const c0 = performance.now();
        run.run(this.chunk);
        run.flush();
        this.stepsSincePost += this.chunk;
        // Aim for ~2 ms per chunk so the slice ends close to its budget.
        const per = (performance.now() - c0) / this.chunk;
        this.chunk = Math.max(1, Math.min(256, Math.round(2 / Math.max(per, 1e-3))));
      }
      if (performance.now() - this.lastPost >= FRAME_INTERVAL_MS) this.postSnapshot();
      this.schedule();
    } catch (e) {
      this.fail(e, e instanceof DivergenceError ? 'diverged' : 'internal');
    }
  }

  private postSnapshot(): void {
    if (!this.run) return;
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
      const snapshot = this.run.snapshot();
      const transfer = [snapshot.samples.buffer as ArrayBuffer];
      if (snapshot.logq) transfer.push(snapshot.logq.buffer as ArrayBuffer);
      this.send({ type: 'snapshot', snapshot, stepsPerSecond: this.stepsPerSecond, playing: this.playing }, transfer);
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
