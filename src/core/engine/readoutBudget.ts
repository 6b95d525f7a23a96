/**
 * The read-outs' share of the worker's time (docs/math.md#the-read-outs): snapshots, with the
 * expensive read-outs in them (the evaluation batch: ELBO, CUBO, k̂, sampled KL; log q on the plot
 * grid; sampled moments; the gradient SNR), may take at most this fraction of the time; the rest
 * goes to steps. Issue 9 allows read-outs 20 % of the worker's time and asks the app for ≥ 0.8× the
 * raw engine's steps/s: a 20 % share leaves no room for the rest of the app's overhead (messages,
 * pacing), so the share is 10 %.
 */
export const READOUT_SHARE = 0.1;
/** However costly they are, the expensive read-outs refresh at least this often (ms). */
export const STALEST_MS = 2000;
/**
 * After a run's first refresh (its warm-up read-outs at step 0, paid with compiling the read-out
 * code), the next waits at least this long (ms), so a link that plays at once does not pay for a
 * second full refresh before its first steps show (they show the step-0 read-outs, marked as such).
 * Measured, the first step's delay for a costly family (realnvp) is mostly that cold first refresh
 * itself, which this does not shorten.
 */
export const FIRST_HOLD_MS = 300;

/**
 * Decides when the expensive read-outs are due, on the worker's clock: a refresh that cost F ms
 * ended at time T; the cheap snapshots since (display draws, closed-form moments, the step) cost
 * C ms; the next refresh is due at time t once F + C ≤ s·(F + t − T), so read-outs take at most a
 * share s of the time over each refresh cycle. A speed-limited run idles between slices, so its
 * read-outs refresh every frame; a run at full speed refreshes less often. Each snapshot says
 * which step its expensive read-outs describe, and the page shows it.
 */
export class ReadoutBudget {
  private cheapMs = 0;
  private lastCostMs = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private refreshes = 0;

  /** Time a snapshot without a refresh took. */
  spent(ms: number): void {
    this.cheapMs += ms;
  }

  /**
   * `runs`: how many runs share the worker. Each run's wall clock counts the others' steps and
   * read-outs too, so each gets 1/runs of the share and all of them together the share: with a
   * whole share each, four runs' read-outs took ~23 % of the worker (bench, 4 runs: app/raw 0.77).
   */
  due(now: number, runs = 1): boolean {
    const since = now - this.lastEnd;
    if (since >= STALEST_MS) return true;
    if (this.refreshes === 1 && since < FIRST_HOLD_MS) return false;
    return this.lastCostMs + this.cheapMs <= (READOUT_SHARE / Math.max(1, runs)) * (this.lastCostMs + since);
  }

  /**
   * A snapshot with a refresh took `ms` and ended at `now`. The first one's cost is not held
   * against the next: it pays for compiling the read-out code (several times a warm refresh),
   * and would keep a new run's first read-outs on screen for a second.
   */
  refreshed(ms: number, now: number): void {
    this.lastCostMs = this.refreshes++ === 0 ? 0 : ms;
    this.lastEnd = now;
    this.cheapMs = 0;
  }
}
