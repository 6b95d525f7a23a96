import { banana } from './banana';
import { bimodal1d } from './bimodal1d';
import { challenger } from './challenger';
import { coin } from './coin';
import { correlatedGaussian } from './correlatedGaussian';
import { donut } from './donut';
import { eightSchools } from './eightSchools';
import { energyU1 } from './energyU1';
import { energyU2 } from './energyU2';
import { energyU3 } from './energyU3';
import { energyU4 } from './energyU4';
import { funnel } from './funnel';
import { mixtureMeans } from './mixtureMeans';
import { gaussian1d } from './gaussian1d';
import { multimodal } from './multimodal';
import { rate } from './rate';
import { rosenbrock } from './rosenbrock';
import { skewNormal1d } from './skewNormal1d';
import { squiggle } from './squiggle';
import { studentT1d } from './studentT1d';
import type { TargetInfo } from './types';

/**
 * Every target the playground offers, in picker order: 1D, then 2D, then constrained, then real
 * data: the infos only, which is what the page imports. Adding one is its two files (`<id>.ts`,
 * `<id>.density.ts`) plus one line here and one in densities.ts.
 */
export const targets: readonly TargetInfo[] = [
  gaussian1d,
  bimodal1d,
  studentT1d,
  skewNormal1d,
  correlatedGaussian,
  banana,
  donut,
  multimodal,
  funnel,
  squiggle,
  rosenbrock,
  energyU1,
  energyU2,
  energyU3,
  energyU4,
  coin,
  rate,
  eightSchools,
  challenger,
  mixtureMeans,
];

export function findTarget(id: string): TargetInfo | undefined {
  return targets.find((t) => t.id === id);
}
