import type { LessonSpec } from './types';

/** IWAE with K = 1, 5, 50 on three bumps: the bounds rise towards log Z. */
export const iwaeTighter: LessonSpec = {
  id: 'iwae-tighter',
  title: 'IWAE: tighter bounds with K',
  link: 'target=multimodal&family=full-rank,full-rank,full-rank&objective=iwae&objective.K=1,5,50&samples=64&averaging=on',
  text:
    'Importance-weighted bounds (Burda et al. 2016) average K importance weights w = p̃(θ)/q(θ) inside the log: L_K = E log((w₁ + … + w_K)/K). ' +
    'L₁ is the ELBO; L_K rises with K and reaches log Z as K → ∞. ' +
    'Three full-rank Gaussians fit three bumps, log Z = log 3 ≈ 1.099, each trained on its own bound and each bound a Monte Carlo estimate: K = 1 stays below 0.75, K = 5 passes 0.8, K = 50 passes 0.95. ' +
    'The bound closes in on log Z while q itself gets wider: IWAE’s q is a proposal for importance sampling, not a better approximation of p, and its KL(q‖p) grows with K.',
  watch: 'Each run’s bound against the log Z line in the chart, and each run’s KL(q‖p) in the table: the order is reversed.',
  question: 'L₅₀ is much tighter than the ELBO. Why not report IWAE’s q as the posterior approximation?',
  tries: [
    { label: 'Mixtures of 3 instead', change: { family: 'mixture,mixture,mixture', 'family.K': '3' } },
    { label: 'K = 1, 2, 64', change: { 'objective.K': '1,2,64' } },
  ],
  claims: [
    { run: 0, reading: 'logZ', value: 1.099, tolerance: 0.005 },
    { run: 0, reading: 'bound', below: 0.75 },
    { run: 1, reading: 'bound', above: 0.8 },
    { run: 2, reading: 'bound', above: 0.95 },
  ],
  source: 'Burda, Grosse & Salakhutdinov (2016)',
};
