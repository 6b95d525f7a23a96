import type { Grid } from '../exact/grid';
import { klPQ, klQP } from '../exact/quadrature';
import type { FitWarning, KlMethod, KlPQMethod, KlReason } from './snapshot';

/**
 * Quadrature of q on the grid is trusted when it integrates q to 1 within this much: below, q
 * spills out of the box and the sum misses that part of KL(q‖p) (it reads 0 when q has left
 * entirely); above, q is narrower than a grid cell and the sum is not resolving it.
 */
export const Q_MASS_TOLERANCE = 0.01;
/** Far from p (docs/math.md): the KL(q‖p) beyond which a fit is flagged. */
export const KL_FAR = 5;
/** Pareto k̂ above 0.7: importance weights too heavy-tailed to trust (Yao et al. 2018, §2.2). */
export const KHAT_FAR = 0.7;
/** q's mass inside the plot box below this: q has mostly left it. */
export const Q_MASS_FAR = 0.5;

export interface KlReadouts {
  readonly klQP: number | null;
  readonly klMethod: KlMethod;
  /** Standard error of klQP: the ELBO's for 'elbo-gap'; null for quadrature (no sampling error). */
  readonly klStdErr: number | null;
  /** Why klQP is null (null when it is not). */
  readonly klReason: KlReason | null;
  readonly klPQ: number | null;
  readonly klPQMethod: KlPQMethod;
  /** ∫ q over the plot box by quadrature (1 when the grid holds all of q; null without log q). */
  readonly qMassInside: number | null;
}

/**
 * Both KLs with the method that is trustworthy for this q:
 * - KL(q‖p) by quadrature when q's grid mass is 1 ± Q_MASS_TOLERANCE; otherwise log Z − ELBO
 *   with the ELBO's standard error (exact in expectation: log Z = ELBO + KL(q‖p)); null when the
 *   ELBO is not finite (q puts mass where p̃ is 0 or overflows) or q has no density.
 * - KL(p‖q) = Σ p (log p − log q) weighs by p, which the grid resolves whatever q does, and
 *   log q is exact at every point: quadrature whenever log q is known on the grid and the sum is
 *   finite.
 */
export function klReadouts(input: {
  readonly logq: Float32Array | null;
  readonly logp: Float32Array;
  readonly logZ: number;
  readonly grid: Grid;
  readonly elbo: { readonly value: number; readonly stdErr: number } | null;
  readonly hasDensity: boolean;
}): KlReadouts {
  const { logq, logp, logZ, grid, elbo } = input;
  const quad = logq ? klQP(logq, logp, logZ, grid) : null;
  const pq = logq ? klPQ(logp, logq, logZ, grid) : null;
  const klPQValue = pq !== null && Number.isFinite(pq) ? pq : null;
  const base = { klPQ: klPQValue, klPQMethod: klPQValue === null ? 'unavailable' : 'quadrature', qMassInside: quad?.qMassInside ?? null } as const;
  if (quad && Math.abs(quad.qMassInside - 1) <= Q_MASS_TOLERANCE && Number.isFinite(quad.kl)) {
    return { ...base, klQP: quad.kl, klMethod: 'quadrature', klStdErr: null, klReason: null };
  }
  if (!input.hasDensity || !elbo) return { ...base, klQP: null, klMethod: 'unavailable', klStdErr: null, klReason: 'no-density' };
  const gap = logZ - elbo.value;
  if (!Number.isFinite(gap) || !Number.isFinite(elbo.stdErr)) {
    return { ...base, klQP: null, klMethod: 'unavailable', klStdErr: null, klReason: 'elbo-not-finite' };
  }
  return { ...base, klQP: gap, klMethod: 'elbo-gap', klStdErr: elbo.stdErr, klReason: null };
}

/** Codes (with the value that tripped them) for a fit that ended far from p; the UI words them. */
export function unresolvedOnGrid(mean: readonly number[], cov: readonly (readonly number[])[], grid: Grid): boolean {
  const extent = [grid.domain.x, grid.domain.y ?? grid.domain.x];
  const cells = [grid.nx, grid.ny];
  const inside = mean.every((m, a) => m >= extent[a][0] && m <= extent[a][1]);
  // Centred in the box, with a standard deviation below half a grid cell along some axis:
  // quadrature cannot see q's shape, and its grid mass says nothing about where q is.
  return inside && cov.some((row, a) => Math.sqrt(Math.max(0, row[a])) < (extent[a][1] - extent[a][0]) / (cells[a] - 1) / 2);
}

export function fitWarnings(r: {
  readonly klQP: number | null;
  readonly khat: number | null;
  readonly qMassInside: number | null;
  readonly klReason: KlReason | null;
  /** q in the box but narrower than a grid cell: its grid mass then says nothing about where q is. */
  readonly qUnresolved?: boolean;
}): FitWarning[] {
  const out: FitWarning[] = [];
  if (r.klQP !== null && r.klQP > KL_FAR) out.push({ code: 'kl-large', value: r.klQP });
  if (r.khat !== null && r.khat > KHAT_FAR) out.push({ code: 'khat-high', value: r.khat });
  if (r.qMassInside !== null && r.qMassInside < Q_MASS_FAR && !r.qUnresolved) out.push({ code: 'q-outside-box', value: 1 - r.qMassInside });
  if (r.klReason === 'elbo-not-finite') out.push({ code: 'kl-not-finite', value: null });
  return out;
}
