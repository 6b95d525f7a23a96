/**
 * The expensive read-outs' share of a run's time (issue 9; docs/architecture.md#read-out-budget):
 * the evaluation batch (ELBO, CUBO, k̂, sampled KL), log q on the plot grid, and the gradient SNR
 * may take at most this fraction of the time the run spends; the rest goes to steps.
 */
export const READOUT_SHARE = 0.2;

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
