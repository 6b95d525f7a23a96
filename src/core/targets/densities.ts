import { banana } from './banana';
import { bananaDensity } from './banana.density';
import { bimodal1d } from './bimodal1d';
import { bimodal1dDensity } from './bimodal1d.density';
import { challenger } from './challenger';
import { challengerDensity } from './challenger.density';
import { coin } from './coin';
import { coinDensity } from './coin.density';
import { correlatedGaussian } from './correlatedGaussian';
import { correlatedGaussianDensity } from './correlatedGaussian.density';
import { donut } from './donut';
import { donutDensity } from './donut.density';
import { eightSchools } from './eightSchools';
import { eightSchoolsDensity } from './eightSchools.density';
import { energyU1 } from './energyU1';
import { energyU1Density } from './energyU1.density';
import { energyU2 } from './energyU2';
import { energyU2Density } from './energyU2.density';
import { energyU3 } from './energyU3';
import { energyU3Density } from './energyU3.density';
import { energyU4 } from './energyU4';
import { energyU4Density } from './energyU4.density';
import { funnel } from './funnel';
import { funnelDensity } from './funnel.density';
import { gaussian1d } from './gaussian1d';
import { gaussian1dDensity } from './gaussian1d.density';
import { mixtureMeans } from './mixtureMeans';
import { mixtureMeansDensity } from './mixtureMeans.density';
import { multimodal } from './multimodal';
import { multimodalDensity } from './multimodal.density';
import { rate } from './rate';
import { rateDensity } from './rate.density';
import { rosenbrock } from './rosenbrock';
import { rosenbrockDensity } from './rosenbrock.density';
import { skewNormal1d } from './skewNormal1d';
import { skewNormal1dDensity } from './skewNormal1d.density';
import { squiggle } from './squiggle';
import { squiggleDensity } from './squiggle.density';
import { studentT1d } from './studentT1d';
import { studentT1dDensity } from './studentT1d.density';
import type { TargetDensity } from './types';

/**
 * Each catalogue target's log p̃ by id (the infos are in registry.ts): imported only by the
 * engine side, i.e. the worker, the CLI, the bench, code export and tests, never by the page, so
 * the page's bundle carries no density code (docs/architecture.md#registries). Adding a target is
 * one line here as well as one in registry.ts (densities.test.ts checks that they match).
 */
export const targetDensities: Readonly<Record<string, TargetDensity>> = {
  [gaussian1d.id]: gaussian1dDensity,
  [bimodal1d.id]: bimodal1dDensity,
  [studentT1d.id]: studentT1dDensity,
  [skewNormal1d.id]: skewNormal1dDensity,
  [correlatedGaussian.id]: correlatedGaussianDensity,
  [banana.id]: bananaDensity,
  [donut.id]: donutDensity,
  [multimodal.id]: multimodalDensity,
  [funnel.id]: funnelDensity,
  [squiggle.id]: squiggleDensity,
  [rosenbrock.id]: rosenbrockDensity,
  [energyU1.id]: energyU1Density,
  [energyU2.id]: energyU2Density,
  [energyU3.id]: energyU3Density,
  [energyU4.id]: energyU4Density,
  [coin.id]: coinDensity,
  [rate.id]: rateDensity,
  [eightSchools.id]: eightSchoolsDensity,
  [challenger.id]: challengerDensity,
  [mixtureMeans.id]: mixtureMeansDensity,
};
