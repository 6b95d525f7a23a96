import { SPEED } from '../core/config';
import { FRAME_INTERVAL_MS, Pacer } from './pacer';

/** Time spent stepping before yielding to incoming messages. */
const SLICE_MS = 12;

/** What one time slice does with the host's runs. */
export interface Slice {
  readonly speed: number;
  /** Whether to go on stepping (a run that halts can stop Play between chunks). */
  going(): boolean;
  /** n steps of every run that is not halted. */
  stepAll(n: number): void;
  /** Post every run's snapshot: a frame is due. */
  postFrame(): void;
}

/**
 * The host's time slices (docs/architecture.md#pacing-and-snapshots): each steps the runs in
 * chunks the pacer sizes for up to SLICE_MS and posts a frame when one is due; the next is asked
 * for through a MessageChannel, so messages interleave.
 */
export class SliceLoop {
  readonly pacer = new Pacer();
  private lastPost = 0;
  /** One tick chain at a time: play, rebuild and the tick itself all ask to schedule. */
  private tickPending = false;
  private readonly scheduler = new MessageChannel();

  constructor(private readonly tick: () => void) {
    this.scheduler.port1.onmessage = () => this.fire();
  }

  /** Ask for a tick unless one is pending. */
  schedule(delayMs: number): void {
    if (this.tickPending) return;
    this.tickPending = true;
    // A MessageChannel post runs next without the 4 ms clamp of nested timeouts; when the speed
    // limit says wait, a timeout lets the worker idle instead of spinning.
    if (delayMs > 0) setTimeout(() => this.fire(), delayMs);
    else this.scheduler.port2.postMessage(0);
  }

  private fire(): void {
    this.tickPending = false;
    this.tick();
  }

  /** Play: the pacer starts afresh, and the first frame goes out after the first slice, not a frame interval later. */
  restart(): void {
    this.pacer.restart();
    this.lastPost = 0;
  }

  /** A frame is posted at `now`: steps/s of each run since the last (pacer.ts). */
  posted(now: number, playing: boolean): number {
    const stepsPerSecond = this.pacer.measure(now, playing);
    this.lastPost = now;
    return stepsPerSecond;
  }

  /** One time slice of training; returns how long to wait before the next (0: at once). */
  run(slice: Slice): number {
    const t0 = performance.now();
    const speed = slice.speed;
    const unlimited = speed >= SPEED.max;
    this.pacer.begin(t0, speed);
    while (slice.going() && performance.now() - t0 < SLICE_MS) {
      const n = this.pacer.next(unlimited);
      if (n === 0) break;
      const c0 = performance.now();
      slice.stepAll(n);
      this.pacer.took(n, performance.now() - c0);
    }
    if (performance.now() - this.lastPost >= FRAME_INTERVAL_MS) slice.postFrame();
    return this.pacer.delay(speed, unlimited);
  }
}
