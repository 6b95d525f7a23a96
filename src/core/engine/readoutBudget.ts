/**
 * The expensive read-outs' share of a run's time (docs/math.md#the-read-outs): the evaluation
 * batch (ELBO, CUBO, k̂, sampled KL), log q on the plot grid, sampled moments and the gradient SNR
 * may take at most this fraction of the time the run spends; the rest goes to steps. Issue 9 allows
 * read-outs 20 % of the worker's time in all; the cheap per-frame ones and posting the frame take
 * part of that, so the expensive ones get half.
 */
export const READOUT_SHARE = 0.1;

/**
 * Decides when the expensive read-outs are due: after their last refresh cost c ms, the run must
 * have stepped for c·(1 − s)/s ms first, so c / (c + stepping) ≤ s. Cheap ones (the display
 * draws, moments, the step) go out with every frame; a snapshot says which step the expensive
 * ones describe, and the page shows it.
 */
export class ReadoutBudget {
  private steppingMs = 0;
  private lastCostMs = 0;

  /** Time spent stepping since the last refresh. */
  stepped(ms: number): void {
    this.steppingMs += ms;
  }

  due(): boolean {
    return this.lastCostMs * (1 - READOUT_SHARE) <= READOUT_SHARE * this.steppingMs;
  }

  /** A refresh took `ms`: the next one waits for its share of stepping. */
  refreshed(ms: number): void {
    this.lastCostMs = ms;
    this.steppingMs = 0;
  }
}
