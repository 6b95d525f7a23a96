import { fullRankGaussian } from './fullRankGaussian';
import { laplace } from './laplace';
import { laplaceApprox } from './laplaceApprox';
import { meanFieldGaussian } from './meanFieldGaussian';
import { mixture } from './mixture';
import { planarFlow } from './planarFlow';
import { pointMass } from './pointMass';
import { radialFlow } from './radialFlow';
import { realNvp } from './realNvp';
import { studentT } from './studentT';
import { svgd } from './svgd';
import type { FamilyInfo } from './types';

/**
 * Every variational family's catalogue entry, in picker order: what the page reads. Adding a family
 * is `<id>.ts` (its info) and `<id>.make.ts` (its implementation), plus one line here and one in
 * makers.ts (docs/architecture.md#registries).
 */
export const families: readonly FamilyInfo[] = [
  meanFieldGaussian,
  fullRankGaussian,
  mixture,
  studentT,
  laplace,
  planarFlow,
  radialFlow,
  realNvp,
  pointMass,
  laplaceApprox,
  svgd,
];

/** The family's catalogue entry; the engine's findFamily (makers.ts) adds its implementation. */
export function findFamilyInfo(id: string): FamilyInfo | undefined {
  return families.find((f) => f.id === id);
}
