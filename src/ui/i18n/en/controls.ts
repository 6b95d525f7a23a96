/**
 * English words for the controls: target, family, objective and estimator pickers, sliders,
 * formula box (docs/i18n.md). Keys start with `ctl` so no other section can shadow them. The
 * catalogue's own names and descriptions are not here: English is each spec's, 简体中文 is
 * zh/catalogue.ts (read with useCatalogueWords).
 */
export const enControls = {
  /** The speed slider's value at the right end: as fast as the engine goes. */
  ctlSpeedMax: 'max',
  ctlTargetTitle: 'Target p(θ)',
  ctlTargetPicker: 'target distribution',
  ctlYourFormula: 'Your formula…',
  ctlData: (source: string) => `Data: ${source}`,
  ctlConstrained: (names: string) => `Fitted in unconstrained space (${names}) with the log-Jacobian; shown in both spaces.`,
  ctlSliderHint: 'Move a slider while it runs: q chases the new p.',
  ctlSliderHintRuns: 'Move a slider while it runs: q chases the new p in every run.',
  ctlFamilyTitle: 'Family q(θ)',
  ctlCompare: '+ compare',
  ctlCompareTitle: 'Fit a second family to the same p, side by side',
  ctlFamilyPicker: 'variational family',
  /** The picker's accessible name on a comparison card (visually hidden). */
  ctlFamilyPickerOfRun: (run: string) => `variational family of run ${run}`,
  ctlOptimisation: 'Optimisation',
  ctlNoDensity: 'No density: there is no ELBO or KL to show, only where q puts its points.',
  ctlSampleDensity: 'Density known only at its own samples: KL(q‖p) is log Z − ELBO, KL(p‖q) is unavailable.',
  ctlAveraging: 'average the iterates (read-outs show the settled q)',
  ctlAveragingTitle:
    'Polyak–Ruppert averaging: with a constant learning rate q jitters around the optimum; the average of its recent iterates settles on it. The read-outs then describe the average.',
  ctlFittedByMap: (family: string) => `${family} is fitted by maximising log p̃ at one point (MAP); the objective and estimator do not apply.`,
  ctlFittedByOwn: (family: string) => `${family} moves its particles by its own update rule; the objective and estimator do not apply.`,
  ctlObjective: 'objective',
  ctlEstimator: 'gradient estimator',
  /** A disabled estimator's tooltip: the objective does not use it. */
  ctlEstimatorNotFor: (objective: string, estimators: string) => `${objective} works with the ${estimators} estimator(s) only`,
  /** A disabled estimator's tooltip: it needs log q anywhere. */
  ctlEstimatorNeedsDensity: (family: string) => `needs log q at any point, which ${family} does not have`,
  ctlFormulaName: 'formula',
  ctlDomainLabel: 'domain (xmin, xmax[, ymin, ymax])',
  ctlDomainName: 'domain',
  ctlFormulaKept: 'The run keeps the last formula that worked.',
  ctlFormulaHelp:
    'Use x (and y), numbers, pi, e, + − * / ^, exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, softplus, log1p, expm1, pow, min, max, logsumexp(a, b, …), normal_lpdf(v, mean, sd).',
};
