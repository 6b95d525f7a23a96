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
import type { FamilySpec } from './types';

/** Every variational family, in picker order. Adding one is one file plus one line here. */
export const families: readonly FamilySpec[] = [
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

export function findFamily(id: string): FamilySpec | undefined {
  return families.find((f) => f.id === id);
}
