import type { LessonSpec } from './types';

/** Eight schools on (μ, log τ): mean-field against full-rank. */
export const eightSchools: LessonSpec = {
  id: 'eight-schools',
  title: 'Eight schools: what independence costs',
  link: 'target=eight-schools&family=mean-field,full-rank&averaging=on',
  text:
    'Eight schools (Rubin 1981; Gelman et al., BDA §5.5), reduced to the population mean μ and log τ, the spread between schools. ' +
    'Run 1 is mean-field: μ and log τ independent under q. Run 2 is full-rank and may correlate them. ' +
    'Here independence costs almost nothing: both settle near KL(q‖p) ≈ 0.085, because in this posterior μ and log τ are nearly uncorrelated. ' +
    'What both miss is the shape: as τ → 0 the posterior narrows into a funnel that no Gaussian follows, and PSIS k̂ flags the heavy tail of the importance weights. ' +
    'Mean-field’s price is correlation; a curved posterior costs every Gaussian.',
  watch: 'The two runs’ ellipses: the full-rank one barely tilts. Their KL curves end almost on top of each other.',
  question: 'What must a posterior look like for mean-field to cost much more than full-rank? Try the correlated Gaussian to check.',
  tries: [
    { label: 'Planar flow for run 2', change: { family: 'mean-field,planar-flow' } },
    { label: 'Correlated Gaussian, ρ = 0.9', change: { target: 'correlated-gaussian', 'target.rho': '0.9' } },
  ],
  claims: [
    { run: 0, reading: 'klQP', value: 0.085, tolerance: 0.012 },
    { run: 1, reading: 'klQP', value: 0.085, tolerance: 0.012 },
  ],
  source: 'Rubin (1981); Gelman et al. (2013) §5.5; docs/targets.md#eight-schools',
};
