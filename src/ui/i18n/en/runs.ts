/** English words for the comparison's run cards and table (docs/i18n.md). */
export const enRuns = {
  addRun: '+ add a run',
  runCardLabel: (n: string, family: string) => `Run ${n}: ${family}`,
  runBadgeTitle: (n: string) => `Run ${n}`,
  runBadgeHidden: 'Run ',
  copyRun: (n: string) => `Copy run ${n}`,
  copyRunButton: 'copy',
  copyRunTitle: 'Duplicate: the same settings, from step 0',
  removeRun: (n: string) => `Remove run ${n}`,
  removeRunTitle: 'Remove this run',
  runSettingsLine: (objective: string, estimator: string, optimizer: string, lr: string, samples: string) =>
    `${objective} · ${estimator} · ${optimizer} lr ${lr} · ${samples} samples`,
  runHalted: 'halted',
  runAtStep: (step: string) => `step ${step}`,
  runReadAt: (step: string) => ` · read at ${step}`,
  compareLabel: 'Runs compared',
  colRun: 'run',
  colFamily: 'family · settings',
  colElbo: 'ELBO ± s.e.',
  colSpeed: 'steps/s',
  gapMark: ' (gap)',
  compareFineprint: 'All in nats. KL(q‖p) by quadrature on the plot grid, or log Z − ELBO where marked (gap). log Z is the dashed line in the ELBO chart.',
};
