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
import type { FastFamily, FastFamilyFactory } from './types';

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

/**
 * One instance per family, dimension and options, shared by every run that asks for it. V8
 * specialises a closure's optimised code to its captured constants (d, K) only while its
 * function literal has a single closure; a second instance of the same fast family runs the
 * generic code, ~25–45 % slower (measured on radial flow; the first run of a session was fast,
 * every rebuilt one slow). Sharing is safe: every entry point recomputes what it needs from θ,
 * and calls never nest. The Laplace approximation remembers the target it last stepped on, so
 * it is made per run.
 */
const instances = new Map<string, FastFamily | null>();
const PER_RUN: ReadonlySet<string> = new Set(['laplace-approx']);
const MAX_INSTANCES = 64;

export function fastFamilyOf(familyId: string): FastFamilyFactory | undefined {
  const make = FAST_FAMILIES[familyId];
  if (!make || PER_RUN.has(familyId)) return make;
  return (dim, options, init) => {
    const key = JSON.stringify([familyId, dim, Object.entries(options).sort()]);
    let instance = instances.get(key);
    if (instance === undefined) {
      if (instances.size >= MAX_INSTANCES) instances.clear();
      instance = make(dim, options, init);
      instances.set(key, instance);
    }
    return instance;
  };
}
