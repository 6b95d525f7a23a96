import type { LessonClaim } from '../../core/lessons/types';
import { formatValue } from '../format';

const SUB = '₁₂₃₄';

/** What a claim reads, in words: "run 1 · KL(q‖p)". */
export function claimLabel(claim: LessonClaim, runs: number): string {
  const c = claim.coord ?? 0;
  const what = {
    klQP: 'KL(q‖p)',
    klPQ: 'KL(p‖q)',
    elbo: 'ELBO',
    logZ: 'log Z',
    khat: 'PSIS k̂',
    bound: 'the objective’s bound',
    gradSnr: 'gradient SNR',
    mean: `q’s mean of θ${SUB[c]}`,
    variance: `q’s variance of θ${SUB[c]}`,
    constrainedMean: 'mean of the model’s parameter under q',
    emFixedPoint: `EM’s μ${SUB[c]}`,
  }[claim.reading];
  const shared = claim.reading === 'logZ' || claim.reading === 'emFixedPoint';
  return runs > 1 && !shared ? `run ${claim.run + 1} · ${what}` : what;
}

/** What the text says: "0.83 ± 0.01", "above 0.7". */
export function claimStated(claim: LessonClaim): string {
  if ('tolerance' in claim) return `${formatValue(claim.value)} ± ${formatValue(claim.tolerance)}`;
  if ('above' in claim) return `above ${formatValue(claim.above)}`;
  return `below ${formatValue(claim.below)}`;
}
