/**
 * How each of the playground's families is written for NumPyro and PyMC (docs/export.md#families):
 * the same family where the library has it, else the nearest one, with a line saying what differs.
 * A family missing from this table exports as mean-field with a line saying so (a test asks every
 * registered family to be here).
 */
export type NumpyroGuide = 'AutoNormal' | 'AutoMultivariateNormal' | 'AutoIAFNormal' | 'AutoDelta' | 'AutoLaplaceApproximation' | 'SVGD';
export type PymcMethod = 'advi' | 'fullrank_advi' | 'svgd' | 'map' | 'map-laplace';

export interface FamilyCode {
  readonly numpyro: NumpyroGuide;
  readonly pymc: PymcMethod;
  /** What the NumPyro / PyMC version does differently (null: the same family). */
  readonly numpyroDiffers: string | null;
  readonly pymcDiffers: string | null;
  /** The family option that sets the guide's size (flow layers, particles), if any. */
  readonly sizeOption?: string;
}

const NO_FLOWS_IN_PYMC = 'PyMC 5 has no normalizing-flow VI (NFVI was removed), so this fits one full-rank Gaussian.';

export const FAMILY_CODE: Readonly<Record<string, FamilyCode>> = {
  'mean-field': { numpyro: 'AutoNormal', pymc: 'advi', numpyroDiffers: null, pymcDiffers: null },
  'full-rank': { numpyro: 'AutoMultivariateNormal', pymc: 'fullrank_advi', numpyroDiffers: null, pymcDiffers: null },
  mixture: {
    numpyro: 'AutoMultivariateNormal',
    pymc: 'fullrank_advi',
    numpyroDiffers: 'the page fits a mixture of K Gaussians; NumPyro has no mixture autoguide, so this fits one full-rank Gaussian (it covers one mode, or straddles several).',
    pymcDiffers: 'the page fits a mixture of K Gaussians; PyMC has no mixture approximation, so this fits one full-rank Gaussian (it covers one mode, or straddles several).',
  },
  'student-t': {
    numpyro: 'AutoMultivariateNormal',
    pymc: 'fullrank_advi',
    numpyroDiffers: 'the page fits a full-rank Student-t (heavy tails, ν fixed); NumPyro has no Student-t autoguide, so this fits a full-rank Gaussian (lighter tails).',
    pymcDiffers: 'the page fits a full-rank Student-t (heavy tails, ν fixed); PyMC has no Student-t approximation, so this fits a full-rank Gaussian (lighter tails).',
  },
  laplace: {
    numpyro: 'AutoNormal',
    pymc: 'advi',
    numpyroDiffers: 'the page fits independent Laplace coordinates; this fits independent Gaussians (the same shape of family, lighter tails).',
    pymcDiffers: 'the page fits independent Laplace coordinates; this fits independent Gaussians (the same shape of family, lighter tails).',
  },
  'planar-flow': {
    numpyro: 'AutoIAFNormal',
    pymc: 'fullrank_advi',
    numpyroDiffers: 'the page stacks planar layers on a Gaussian; the nearest NumPyro guide is an inverse autoregressive flow (AutoIAFNormal, one flow per layer), a different and more flexible flow.',
    pymcDiffers: NO_FLOWS_IN_PYMC,
    sizeOption: 'layers',
  },
  'radial-flow': {
    numpyro: 'AutoIAFNormal',
    pymc: 'fullrank_advi',
    numpyroDiffers: 'the page stacks radial layers on a Gaussian; the nearest NumPyro guide is an inverse autoregressive flow (AutoIAFNormal, one flow per layer), a different and more flexible flow.',
    pymcDiffers: NO_FLOWS_IN_PYMC,
    sizeOption: 'layers',
  },
  realnvp: {
    numpyro: 'AutoIAFNormal',
    pymc: 'fullrank_advi',
    numpyroDiffers: 'the page fits RealNVP affine couplings; the nearest NumPyro guide is an inverse autoregressive flow (AutoIAFNormal, one flow per coupling), also autoregressive-affine but with other networks.',
    pymcDiffers: NO_FLOWS_IN_PYMC,
    sizeOption: 'couplings',
  },
  'point-mass': {
    numpyro: 'AutoDelta',
    pymc: 'map',
    numpyroDiffers: null,
    pymcDiffers: 'the page climbs log p̃ with the optimiser step by step; pm.find_MAP goes to the mode with L-BFGS-B (the same point, reached differently).',
  },
  'laplace-approx': {
    numpyro: 'AutoLaplaceApproximation',
    pymc: 'map-laplace',
    numpyroDiffers: null,
    pymcDiffers: 'pm.find_MAP goes to the mode with L-BFGS-B instead of the optimiser steps; the covariance is the inverse of −∇²log p̃ there, as on the page.',
  },
  svgd: {
    numpyro: 'SVGD',
    pymc: 'svgd',
    numpyroDiffers: 'numpyro.contrib.einstein.SVGD with its RBF kernel (median-heuristic bandwidth, as on the page); its particles start uniformly in [−2, 2]^d (init_to_uniform), not around START.',
    pymcDiffers: "PyMC's SVGD (RBF kernel, median-heuristic bandwidth, as on the page); its particles start at START plus PyMC's jitter.",
    sizeOption: 'particles',
  },
};

export const FALLBACK_CODE: FamilyCode = {
  numpyro: 'AutoNormal',
  pymc: 'advi',
  numpyroDiffers: 'this family has no NumPyro mapping yet; the script fits independent Gaussians instead.',
  pymcDiffers: 'this family has no PyMC mapping yet; the script fits independent Gaussians instead.',
};

export function familyCode(id: string): FamilyCode {
  return Object.hasOwn(FAMILY_CODE, id) ? FAMILY_CODE[id] : FALLBACK_CODE;
}
