import type { LessonSpec } from './types';

/** PRML §10.1.2, fig. 10.2: mean-field under reverse KL is too narrow, under forward KL too wide. */
export const meanFieldShrinks: LessonSpec = {
  id: 'mean-field-shrinks',
  title: 'Mean-field shrinks',
  link: 'target=correlated-gaussian&target.rho=0.9&family=mean-field,mean-field&objective=reverse-kl,forward-kl&averaging=on',
  text:
    'PRML §10.1.2 and figure 10.2. p is a Gaussian with correlation ρ = 0.9; q is a product of two independent Gaussians, so it cannot tilt. ' +
    'Run 1 minimises the reverse KL(q‖p), the one the ELBO uses: q takes p’s precision on each axis, so its variances are 1 − ρ² = 0.19 and it sits inside p. ' +
    'Run 2 minimises the forward KL(p‖q): q matches p’s marginals, variances 1, and spills outside p. ' +
    'Both end at the same divergence, each in its own direction: −½ log(1 − ρ²) ≈ 0.830 nats, KL(q‖p) for run 1 and KL(p‖q) for run 2. ' +
    'Reverse KL under-estimates the spread: the classic complaint about mean-field VI.',
  watch: 'Run 1’s ellipses shrink to a narrow circle in the middle of p; run 2’s grow to a wide one around it. Each run’s own KL settles at the same value.',
  question: 'If q’s variances feed an error bar, which direction of KL would you want? And if q must never put mass where p has none?',
  tries: [
    { label: 'Weaker correlation, ρ = 0.5', change: { 'target.rho': '0.5' } },
    { label: 'Full-rank q for both', change: { family: 'full-rank' } },
  ],
  claims: [
    { run: 0, reading: 'variance', coord: 0, value: 0.19, tolerance: 0.01 },
    { run: 0, reading: 'variance', coord: 1, value: 0.19, tolerance: 0.01 },
    { run: 1, reading: 'variance', coord: 0, value: 1, tolerance: 0.02 },
    { run: 1, reading: 'variance', coord: 1, value: 1, tolerance: 0.02 },
    { run: 0, reading: 'klQP', value: 0.83, tolerance: 0.01 },
    { run: 1, reading: 'klPQ', value: 0.83, tolerance: 0.01 },
  ],
  source: 'Bishop (2006), PRML §10.1.2, fig. 10.2',
};
