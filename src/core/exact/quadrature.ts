import type { Grid } from './grid';

/**
 * log Σᵢ wᵢ exp(fᵢ), stable (docs/math.md#grid-quadrature: log Z is a logsumexp over the grid plus
 * log cell area).
 */
export function logIntegral(logf: ArrayLike<number>, grid: Grid): number {
  let max = -Infinity;
  for (let i = 0; i < logf.length; i++) if (logf[i] > max) max = logf[i];
  if (!Number.isFinite(max)) return max;
  let s = 0;
  for (let i = 0; i < logf.length; i++) s += grid.weights[i] * Math.exp(logf[i] - max);
  return max + Math.log(s);
}

export interface LogZResult {
  readonly logZ: number;
  /** Fraction of the target's mass (on the grid) that sits on the domain's edge. */
  readonly edgeMass: number;
}

/** log Z = log ∫ p̃ over the domain, and how much of p sits at the domain's edge. */
export function quadratureLogZ(logp: ArrayLike<number>, grid: Grid): LogZResult {
  const logZ = logIntegral(logp, grid);
  let edge = 0;
  for (let i = 0; i < logp.length; i++) if (grid.edge[i]) edge += grid.weights[i] * Math.exp(logp[i] - logZ);
  return { logZ, edgeMass: edge };
}

export interface KLResult {
  readonly kl: number;
  /** ∫ q over the domain: below 1 when q spills outside the box, and the KL misses that part. */
  readonly qMassInside: number;
}

/** KL(q‖p) = Σ wᵢ q(θᵢ)(log q(θᵢ) − log p̃(θᵢ) + log Z)  (docs/math.md#grid-quadrature). */
export function klQP(logq: ArrayLike<number>, logp: ArrayLike<number>, logZ: number, grid: Grid): KLResult {
  let kl = 0;
  let mass = 0;
  for (let i = 0; i < logq.length; i++) {
    const lq = logq[i];
    if (lq === -Infinity) continue;
    const wq = grid.weights[i] * Math.exp(lq);
    if (wq === 0) continue;
    mass += wq;
    kl += wq * (lq - logp[i] + logZ);
  }
  return { kl, qMassInside: mass };
}

/** KL(p‖q) = Σ wᵢ p(θᵢ)(log p(θᵢ) − log q(θᵢ)), p = p̃/Z on the grid. */
export function klPQ(logp: ArrayLike<number>, logq: ArrayLike<number>, logZ: number, grid: Grid): number {
  let kl = 0;
  for (let i = 0; i < logp.length; i++) {
    const lp = logp[i] - logZ;
    const wp = grid.weights[i] * Math.exp(lp);
    if (wp === 0) continue;
    kl += wp * (lp - logq[i]);
  }
  return kl;
}

/** Mean and covariance of the normalised density exp(logf − logZ) on the grid. */
export function gridMoments(logf: ArrayLike<number>, logZ: number, grid: Grid): { mean: number[]; cov: number[][] } {
  const d = grid.dim;
  const m = new Array<number>(d).fill(0);
  const s = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < logf.length; i++) {
    const w = grid.weights[i] * Math.exp(logf[i] - logZ);
    for (let a = 0; a < d; a++) {
      const pa = grid.points[i * d + a];
      m[a] += w * pa;
      for (let b = 0; b < d; b++) s[a][b] += w * pa * grid.points[i * d + b];
    }
  }
  return { mean: m, cov: s.map((row, a) => row.map((v, b) => v - m[a] * m[b])) };
}
