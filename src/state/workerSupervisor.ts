import type { FromWorker, ToWorker } from '../worker/protocol';
import type { FaultReason } from '../words/notices';
import { PROTOCOL_VERSION } from '../worker/protocol';

/**
 * How the supervisor decides a worker is gone. The silence limits are generous on purpose: while
 * the worker compiles WebGL shaders or calibrates backends (seconds on a software GPU, longer on
 * a loaded machine) it cannot answer, so after any command that may compile (configure, play…)
 * the slow limit holds until the next snapshot shows it is stepping again.
 */
export const SUPERVISOR_TIMING = {
  checkMs: 1000,
  /** Silence after which a ping is sent (a paused worker posts nothing of its own). */
  pingAfterMs: 2000,
  silenceMs: 12_000,
  slowSilenceMs: 60_000,
  /** This many faults within windowMs and the supervisor gives up. */
  maxFaults: 3,
  windowMs: 60_000,
} as const;

export type SupervisorTiming = { readonly [K in keyof typeof SUPERVISOR_TIMING]: number };

export interface SupervisorEvents {
  message(msg: FromWorker): void;
  /** A fresh worker replaced a failed one; it knows nothing yet: configure it. */
  restarted(reason: FaultReason): void;
  /** Faults came too often: no worker runs any more. */
  gaveUp(reason: FaultReason, faults: number): void;
}

/**
 * Keeps one engine worker alive: notices when it throws (its `error` event), dies or hangs (no
 * message, not even a pong, for too long), replaces it, and gives up when faults repeat. A
 * crashed, closed or terminated worker sends nothing at all, so silence is the only sign.
 */
export class WorkerSupervisor {
  private worker: Worker;
  private lastHeard = performance.now();
  private lastCheck = performance.now();
  private lastPing = 0;
  /** A command that may compile shaders is in flight: allow the slow silence limit. */
  private slow = true;
  private faults: number[] = [];
  private stopped = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly spawn: () => Worker,
    private readonly events: SupervisorEvents,
    private readonly timing: SupervisorTiming = SUPERVISOR_TIMING,
  ) {
    this.worker = this.start();
    this.timer = setInterval(() => this.check(), timing.checkMs);
  }

  /** `slow`: the command may compile shaders or calibrate, so expect a long silence. */
  send(msg: ToWorker, slow: boolean): void {
    if (this.stopped) return;
    if (slow) this.slow = true;
    this.worker.postMessage(msg);
  }

  /** Test hook: terminate the worker without telling anyone, as a browser killing it would. */
  terminateSilently(): void {
    this.worker.terminate();
  }

  private start(): Worker {
    const worker = this.spawn();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (worker !== this.worker) return;
      this.lastHeard = performance.now();
      if (e.data.type === 'snapshot') this.slow = false;
      // A measurement in the background may compile shaders: allow the slow silence limit.
      if (e.data.type === 'calibrating') this.slow = true;
      if (e.data.type !== 'pong') this.events.message(e.data);
    };
    worker.onerror = (e: ErrorEvent) => {
      // Handled here: the page itself has no uncaught error.
      e.preventDefault();
      if (worker === this.worker) this.fault({ code: 'threw', text: (e.message || 'unknown error').replace(/^Uncaught /, '') });
    };
    this.lastHeard = performance.now();
    this.slow = true;
    return worker;
  }

  private check(): void {
    if (this.stopped) return;
    const now = performance.now();
    // Timers ran late (a hidden tab, a sleeping laptop): the silence is ours, not the worker's.
    if (now - this.lastCheck > 5 * this.timing.checkMs) this.lastHeard = now;
    this.lastCheck = now;
    const silent = now - this.lastHeard;
    if (silent > (this.slow ? this.timing.slowSilenceMs : this.timing.silenceMs)) {
      this.fault({ code: 'silent', seconds: Math.round(silent / 1000) });
      return;
    }
    if (silent >= this.timing.pingAfterMs && now - this.lastPing >= this.timing.pingAfterMs) {
      this.lastPing = now;
      this.worker.postMessage({ v: PROTOCOL_VERSION, type: 'ping' } satisfies ToWorker);
    }
  }

  private fault(reason: FaultReason): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    const now = performance.now();
    this.faults = [...this.faults.filter((t) => now - t < this.timing.windowMs), now];
    if (this.faults.length >= this.timing.maxFaults) {
      this.stopped = true;
      clearInterval(this.timer);
      this.events.gaveUp(reason, this.faults.length);
      return;
    }
    this.worker = this.start();
    this.events.restarted(reason);
  }
}
