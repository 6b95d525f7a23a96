import type { LessonSpec } from './types';

/** A coin in logit space: the Jacobian, the two spaces, Pyro's SVI tutorial (Beta(10, 10), 6 heads, 4 tails). */
export const constrained: LessonSpec = {
  id: 'constrained',
  title: 'A coin in logit space',
  link: 'target=coin&family=mean-field&averaging=on',
  text:
    'A coin’s probability of heads θ lives in (0, 1), but a Gaussian q lives on the whole line. ' +
    'So VI runs on u = logit θ, and the density is carried across with the Jacobian: π(u) = π(θ)·|dθ/du|, with |dθ/du| = θ(1 − θ). ' +
    'Leave that factor out and you fit a different posterior. ' +
    'This is the setting of Pyro’s SVI tutorial: a Beta(10, 10) prior, 6 heads and 4 tails, so the posterior is Beta(16, 14) with mean 16/30 ≈ 0.533. ' +
    'The plot “where VI runs” is u; the one “in the model’s space” is θ, shown as p. ' +
    'The mean of θ under q reads ≈ 0.533 too, but it is not σ of the mean of u: a nonlinear map does not commute with taking a mean. ' +
    'log Z ≈ −7.069 is the marginal likelihood of the ten tosses.',
  watch: 'q is a Gaussian in u; pushed through σ it becomes a slightly skewed bump on (0, 1), on top of the Beta posterior.',
  question: 'With a flat Beta(1, 1) prior and 0 heads in 3 tosses, where is the posterior’s mass, and what does a Gaussian on u do with it?',
  tries: [
    { label: '60 heads and 40 tails', change: { 'target.heads': '60', 'target.tails': '40' } },
    { label: 'Flat prior, 0 heads in 3', change: { 'target.a': '1', 'target.b': '1', 'target.heads': '0', 'target.tails': '3' } },
  ],
  claims: [
    { run: 0, reading: 'constrainedMean', value: 0.533, tolerance: 0.003 },
    { run: 0, reading: 'logZ', value: -7.069, tolerance: 0.003 },
  ],
  source: 'Pyro’s SVI tutorial, part I; docs/targets.md#coin',
};
