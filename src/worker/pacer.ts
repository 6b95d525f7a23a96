/** At most this many snapshots a second reach the UI (docs/architecture.md#pacing-and-snapshots: ~30–60). */
export const FRAME_INTERVAL_MS = 1000 / 30;

/**
 * The host's pacing: the speed limit (a token bucket of steps refilled by elapsed time), the
 * chunk size that keeps one chunk near 2 ms, and the measured steps per second.
 */
export class Pacer {
  /** Steps each run may still take under the speed limit. */
  private allowance = 0;
  private lastTick = 0;
  private chunk = 1;
  private stepsSincePost = 0;
  private rateWindowStart = 0;
  private rate = 0;

  /**
   * After Play: a pause must not bank a burst of steps, but the first slice takes one step at
   * once (an empty bucket made it wait, then the frame interval held that step back ~40 ms more).
   */
  restart(): void {
    this.lastTick = 0;
    this.allowance = 1;
  }

  /** Start of a time slice: refill the bucket, capped so a slow frame does not bank a burst either. */
  begin(t0: number, speed: number): void {
    if (this.rateWindowStart === 0) this.rateWindowStart = t0;
    this.allowance = Math.min(this.allowance + (speed * (t0 - (this.lastTick || t0))) / 1000, Math.max(1, speed / 20));
    this.lastTick = t0;
  }

  /** Steps each run may take now; 0 when the speed limit says wait. */
  next(unlimited: boolean): number {
    if (unlimited) return this.chunk;
    return this.allowance >= 1 ? Math.min(this.chunk, Math.floor(this.allowance)) : 0;
  }

  /** n steps took `ms`: aim for ~2 ms per chunk so the slice ends close to its budget. */
  took(n: number, ms: number): void {
    this.stepsSincePost += n;
    this.allowance -= n;
    this.chunk = Math.max(1, Math.min(256, Math.round(2 / Math.max(ms / n, 1e-3))));
  }

  /** How long to wait before the next slice (0: at once; a timeout lets the worker idle). */
  delay(speed: number, unlimited: boolean): number {
    if (unlimited || this.allowance >= 1) return 0;
    return Math.max(1, Math.min(FRAME_INTERVAL_MS, ((1 - this.allowance) / speed) * 1000));
  }

  /** At a frame: steps/s of each run since the last frame, smoothed so the read-out is legible. */
  measure(now: number, playing: boolean): number {
    const elapsed = now - this.rateWindowStart;
    if (playing && elapsed > 0 && this.rateWindowStart > 0) {
      const rate = (this.stepsSincePost / elapsed) * 1000;
      this.rate = this.rate === 0 ? rate : 0.8 * this.rate + 0.2 * rate;
    }
    this.stepsSincePost = 0;
    this.rateWindowStart = playing ? now : 0;
    return this.rate;
  }
}
