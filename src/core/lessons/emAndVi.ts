import type { LessonSpec } from './types';

/** How VI relates to EM, on the two means of a 1D mixture (docs/targets.md#mixture-means). */
export const emAndVi: LessonSpec = {
  id: 'em-and-vi',
  title: 'EM and VI',
  link: 'target=mixture-means&family=full-rank&averaging=on',
  text:
    'Six data points from ½N(μ₁, 1) + ½N(μ₂, 1) with unknown means; the plot is the posterior over (μ₁, μ₂). ' +
    'EM treats each point’s component zₙ as latent and μ as a parameter. E-step: q(z) = p(z | x, μ), the responsibilities, so KL(q(z)‖p(z | x, μ)) = 0 and the ELBO touches log p(x, μ). ' +
    'M-step: maximise the ELBO over μ, a weighted mean. ' +
    'The dotted path is EM from (−4, −3): it climbs to the mode (−1.783, 1.693) and stops there, a point. ' +
    'VI instead fits a distribution q(μ₁, μ₂) over the means. ' +
    'Swapping the labels gives the same fit, so p has a mirror mode at (1.693, −1.783). ' +
    'One Gaussian takes one mode, as EM does, and misses half of p: KL(q‖p) ≈ 0.70, close to log 2.',
  watch: 'EM’s path and q’s ellipses end at the same mode; the mirror mode stays empty. Move a data point: the path and p move together.',
  question: 'EM’s E-step makes its KL over z exactly zero. Why can a Gaussian q over μ not make its KL zero here?',
  tries: [
    { label: 'A mixture of 2 for q', change: { family: 'mixture', 'family.K': '2' } },
    { label: 'Move x₃ to 0.5', change: { 'target.x3': '0.5' } },
  ],
  claims: [
    { run: 0, reading: 'emFixedPoint', coord: 0, value: -1.783, tolerance: 0.001 },
    { run: 0, reading: 'emFixedPoint', coord: 1, value: 1.693, tolerance: 0.001 },
    { run: 0, reading: 'klQP', value: 0.7, tolerance: 0.03 },
  ],
  overlay: 'em-path',
  source: 'Bishop (2006), PRML §9.2–9.4; Neal & Hinton (1998)',
};
