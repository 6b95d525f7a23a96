import type { FamilyInfo } from '../families/types';

/** Objectives other than forward KL need log q at least at q's own draws. */
export function needsDensityAtDraws(family: FamilyInfo): string | null {
  return family.density === 'none' && family.fittedBy === 'objective'
    ? `${family.name} has no density, so it has no importance weights p̃/q`
    : null;
}
