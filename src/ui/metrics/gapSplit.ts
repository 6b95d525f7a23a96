import type { Snapshot } from '../../core/engine/snapshot';

/**
 * log Z = ELBO + KL(q‖p), split for the gap bar (docs/math.md#the-log-z-bar). The three numbers
 * it labels must add up, so the ELBO it draws is log Z − KL: with KL by quadrature that is the
 * ELBO of q on the grid (the Monte Carlo ELBO beside it differs by its sampling error, shown with
 * its s.e.); with KL from 'elbo-gap' the KL is log Z − ELBO(Monte Carlo), so they agree by
 * construction, and the bar says so.
 */
export interface GapSplit {
  readonly logZ: number;
  /** The split point: log Z − KL. */
  readonly elbo: number;
  /** KL(q‖p) ≥ 0 (a tiny negative quadrature residual is shown as 0). */
  readonly kl: number;
  readonly method: 'quadrature' | 'elbo-gap';
  /** The Monte Carlo ELBO and its s.e., when known (with 'elbo-gap' it is the split point itself). */
  readonly mcElbo: number | null;
  readonly mcStdErr: number | null;
}

export function gapSplit(s: Pick<Snapshot, 'logZ' | 'klQP' | 'klMethod' | 'elbo' | 'elboStdErr'>): GapSplit | null {
  if (s.klQP === null || s.klMethod === 'unavailable' || !Number.isFinite(s.klQP) || !Number.isFinite(s.logZ)) return null;
  const kl = Math.max(0, s.klQP);
  return { logZ: s.logZ, elbo: s.logZ - kl, kl, method: s.klMethod, mcElbo: s.elbo, mcStdErr: s.elboStdErr };
}

/**
 * The bar's axis: [log Z − width, log Z + a margin], where width covers the largest KL seen since
 * the run (re)started (`highWater`), at least 1 nat: the axis holds still while the gap shrinks,
 * so the learner sees it shrink rather than a bar rescaled to fill the same width.
 */
export function gapDomain(split: GapSplit, highWater: number): [number, number] {
  const width = Math.max(1, highWater, split.kl) * 1.15;
  return [split.logZ - width, split.logZ + 0.12 * width];
}
