/**
 * The read-outs' share of a run's time (docs/math.md#the-read-outs): snapshots, with the
 * expensive read-outs in them (the evaluation batch: ELBO, CUBO, k̂, sampled KL; log q on the plot
 * grid; sampled moments; the gradient SNR), may take at most this fraction of the time the run
 * spends; the rest goes to steps (issue 9: read-outs within 20 % of the worker's time).
 */
export const READOUT_SHARE = 0.2;
/** However costly they are, the expensive read-outs refresh after this much stepping (ms). */
export const STALEST_MS = 2000;

/**
 * Decides when the expensive read-outs are due. Since the last refresh (which cost F ms) the run
 * has stepped S ms and its cheap snapshots (display draws, closed-form moments, the step) have
 * cost C ms; the next refresh is due once F + C ≤ s/(1 − s)·S, so (F + C) / (F + C + S) ≤ s over
 * each refresh cycle. Each snapshot says which step its expensive read-outs describe, and the
 * page shows it.
 */
export class ReadoutBudget {
  private steppingMs = 0;
  private cheapMs = 0;
  private lastCostMs = 0;

  /** Time spent stepping. */
  stepped(ms: number): void {
    this.steppingMs += ms;
  }

  /** Time a snapshot without a refresh took. */
  spent(ms: number): void {
    this.cheapMs += ms;
  }

  due(): boolean {
    if (this.steppingMs >= STALEST_MS) return true;
    return (this.lastCostMs + this.cheapMs) * (1 - READOUT_SHARE) <= READOUT_SHARE * this.steppingMs;
  }

  /** A snapshot with a refresh took `ms`: the next refresh waits for its share of stepping. */
  refreshed(ms: number): void {
    this.lastCostMs = ms;
    this.steppingMs = 0;
    this.cheapMs = 0;
  }
}
