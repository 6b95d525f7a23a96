import { fullRankGaussianMaker } from './fullRankGaussian.make';
import { laplaceMaker } from './laplace.make';
import { laplaceApproxMaker } from './laplaceApprox.make';
import { meanFieldGaussianMaker } from './meanFieldGaussian.make';
import { mixtureMaker } from './mixture.make';
import { planarFlowMaker } from './planarFlow.make';
import { pointMassMaker } from './pointMass.make';
import { radialFlowMaker } from './radialFlow.make';
import { realNvpMaker } from './realNvp.make';
import { studentTMaker } from './studentT.make';
import { svgdMaker } from './svgd.make';
import { families } from './registry';
import type { FamilyInfo, FamilyMaker, FamilySpec } from './types';

/**
 * Each family's implementation by id. Only the engine, the worker, the CLI, the bench and the tests
 * import this file, so the page's bundle holds the catalogue (registry.ts) without the tf code
 * (docs/architecture.md#registries). One line per family, beside its line in registry.ts.
 */
const makers: Readonly<Record<string, FamilyMaker>> = {
  'mean-field': meanFieldGaussianMaker,
  'full-rank': fullRankGaussianMaker,
  mixture: mixtureMaker,
  'student-t': studentTMaker,
  laplace: laplaceMaker,
  'planar-flow': planarFlowMaker,
  'radial-flow': radialFlowMaker,
  realnvp: realNvpMaker,
  'point-mass': pointMassMaker,
  'laplace-approx': laplaceApproxMaker,
  svgd: svgdMaker,
};

function withMaker(info: FamilyInfo): FamilySpec {
  const maker = makers[info.id];
  if (!maker) throw new Error(`family ${info.id} is in registry.ts but not in makers.ts`);
  return { ...info, ...maker };
}

/** Every family with its implementation, in picker order (the engine's, CLI's and tests' list). */
export const familySpecs: readonly FamilySpec[] = families.map(withMaker);

/** The whole family (catalogue and implementation) for the engine; the page uses findFamilyInfo. */
export function findFamily(id: string): FamilySpec | undefined {
  return familySpecs.find((f) => f.id === id);
}
