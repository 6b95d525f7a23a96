import { fullRankFast, meanFieldFast } from './gaussianFast';
import { laplaceApproxFast } from './laplaceApproxFast';
import { laplaceFast } from './laplaceFast';
import { mixtureFast } from './mixtureFast';
import { planarFlowFast } from './planarFlowFast';
import { pointMassFast } from './pointMassFast';
import { radialFlowFast } from './radialFlowFast';
import { realNvpFast } from './realNvpFast';
import { studentTFast } from './studentTFast';
import { svgdFast } from './svgdFast';
import type { FastFamilyFactory } from './types';

/**
 * Each family's plain-JS step, by family id (docs/math.md#fast-paths). They sit here, on the
 * engine's side, rather than on the family specs: the page imports the specs (names, options) and
 * must not carry ~50 kB of engine code it never runs (docs/architecture.md#engine-speed). A family
 * without an entry steps with tfjs only.
 */
const FAST_FAMILIES: Readonly<Record<string, FastFamilyFactory>> = {
  'mean-field': meanFieldFast,
  'full-rank': fullRankFast,
  'point-mass': pointMassFast,
  'laplace-approx': (dim, _options, init) => laplaceApproxFast(dim, init.scale),
  'student-t': studentTFast,
  laplace: laplaceFast,
  mixture: mixtureFast,
  svgd: svgdFast,
  'planar-flow': planarFlowFast,
  'radial-flow': radialFlowFast,
  realnvp: realNvpFast,
};

export function fastFamilyOf(familyId: string): FastFamilyFactory | undefined {
  return FAST_FAMILIES[familyId];
}
