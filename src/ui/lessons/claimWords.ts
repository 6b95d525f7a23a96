import type { LessonClaim } from '../../core/lessons/types';
import { formatValue } from '../format';
import type { Words } from '../i18n/words';

const SUB = '₁₂₃₄';

/** What a claim reads, in words: "run 1 · KL(q‖p)" (math notation stays as it is in both languages). */
export function claimLabel(claim: LessonClaim, runs: number, w: Words): string {
  const c = SUB[claim.coord ?? 0];
  const what = {
    klQP: 'KL(q‖p)',
    klPQ: 'KL(p‖q)',
    elbo: 'ELBO',
    logZ: 'log Z',
    khat: 'PSIS k̂',
    bound: w.claimBound,
    gradSnr: w.claimGradSnr,
    mean: w.claimMean(c),
    variance: w.claimVariance(c),
    constrainedMean: w.claimConstrainedMean,
    emFixedPoint: w.claimEmFixedPoint(c),
  }[claim.reading];
  const shared = claim.reading === 'logZ' || claim.reading === 'emFixedPoint';
  return runs > 1 && !shared ? w.claimOfRun(String(claim.run + 1), what) : what;
}

/** What the text says: "0.83 ± 0.01", "above 0.7". */
export function claimStated(claim: LessonClaim, w: Words): string {
  if ('tolerance' in claim) return `${formatValue(claim.value)} ± ${formatValue(claim.tolerance)}`;
  if ('above' in claim) return w.claimAbove(formatValue(claim.above));
  return w.claimBelow(formatValue(claim.below));
}
