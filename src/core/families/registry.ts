import { fullRankGaussian } from './fullRankGaussian';
import { meanFieldGaussian } from './meanFieldGaussian';
import type { FamilySpec } from './types';

/** Every variational family, in picker order. Adding one is one file plus one line here. */
export const families: readonly FamilySpec[] = [meanFieldGaussian, fullRankGaussian];

export function findFamily(id: string): FamilySpec | undefined {
  return families.find((f) => f.id === id);
}
