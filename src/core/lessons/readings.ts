import type { Snapshot } from '../engine/snapshot';
import { emPath } from '../targets/mixtureMeans';
import type { Constraint } from '../targets/types';
import type { LessonClaim } from './types';

/** What a claim is read from: the runs' latest snapshots and the shared target. */
export interface ClaimSource {
  readonly snapshots: readonly (Snapshot | null)[];
  readonly targetParams: Readonly<Record<string, number>>;
  readonly constraint?: Constraint;
}

/**
 * The number the page shows for a claim, or null while there is none yet. The same values the
 * read-outs print (snapshot fields), q's moments, E_q[g(u)] for a constrained 1D target, or the
 * end of EM's path (docs/lessons.md#claims).
 */
export function readClaim(claim: LessonClaim, source: ClaimSource): number | null {
  if (claim.reading === 'emFixedPoint') {
    const path = emPath(source.targetParams);
    return path[path.length - 1][claim.coord ?? 0];
  }
  const s = source.snapshots[claim.run];
  if (!s) return null;
  const c = claim.coord ?? 0;
  switch (claim.reading) {
    case 'klQP':
      return s.klQP;
    case 'klPQ':
      return s.klPQ;
    case 'elbo':
      return s.elbo;
    case 'logZ':
      return s.logZ;
    case 'khat':
      return s.khat;
    case 'bound':
      return s.objectiveBound;
    case 'gradSnr':
      return s.gradSnr;
    case 'mean':
      return s.mean[c] ?? null;
    case 'variance':
      return s.cov[c]?.[c] ?? null;
    case 'constrainedMean':
      return source.constraint && s.mean.length === 1 ? gaussianExpectation((u) => source.constraint?.toConstrained([u])[0] ?? Number.NaN, s.mean[0], Math.sqrt(s.cov[0][0])) : null;
  }
}

/** Whether the value shown agrees with the claim (within its tolerance, or on the right side of its threshold). */
export function claimHolds(claim: LessonClaim, value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  if ('tolerance' in claim) return Math.abs(value - claim.value) <= claim.tolerance;
  if ('above' in claim) return value > claim.above;
  return value < claim.below;
}

/**
 * E[f(u)] for u ~ N(m, s²) by the trapezoid rule on m ± 10s (801 points): f bounded (a
 * constraint's g, e.g. σ), so the truncated tails weigh below 1e−22 and the rule is far below
 * the read-out's 4 digits.
 */
export function gaussianExpectation(f: (u: number) => number, m: number, s: number): number {
  if (!(s > 0)) return f(m);
  const n = 800;
  const h = 20 / n;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i <= n; i++) {
    const z = -10 + i * h;
    const w = Math.exp(-0.5 * z * z) * (i === 0 || i === n ? 0.5 : 1);
    sum += w * f(m + s * z);
    weight += w;
  }
  return sum / weight;
}
