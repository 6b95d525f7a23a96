import type { LessonSpec } from './types';

/** log Z = ELBO + KL(q‖p) on three bumps (Z = 3), and a formula that gets it wrong. */
export const elboGap: LessonSpec = {
  id: 'elbo-gap',
  title: 'The ELBO and its gap',
  link: 'target=multimodal&family=full-rank&averaging=on',
  text:
    'Every fit here obeys one identity: log Z = ELBO + KL(q‖p). Here p is three bumps with Z = 3, so log Z ≈ 1.099 nats. ' +
    'A full-rank Gaussian cannot cover them: its ELBO settles near 0.54 (a Monte Carlo estimate), and the gap, KL(q‖p) ≈ 0.56, is exactly what the ELBO misses. ' +
    'log Z does not depend on q, so maximising the ELBO is minimising the KL.\n' +
    'A formula that circulates in tutorials, log p(θ) ≈ log q(θ) − KL(q‖p), mixes the two up: log p(θ) is a function of θ, KL(q‖p) one number for the whole of q. ' +
    'The true pointwise relation is log p(θ) = log p̃(θ) − log Z; averaging log p̃ − log q over q gives ELBO = log Z − KL(q‖p). ' +
    'Minimising the ELBO instead would push q to where p̃ is tiny, and the KL would grow without bound.',
  watch: 'The line under the plot: ELBO + KL(q‖p) against log Z, equal within the ELBO’s Monte Carlo error at every step, while the ELBO climbs.',
  question: 'The ELBO is a lower bound on log Z. Which q makes it equal to log Z, and can one Gaussian get there?',
  tries: [
    { label: 'A mixture of 3 Gaussians', change: { family: 'mixture', 'family.K': '3' } },
    { label: 'A mean-field Gaussian', change: { family: 'mean-field' } },
  ],
  claims: [
    { run: 0, reading: 'logZ', value: 1.099, tolerance: 0.005 },
    { run: 0, reading: 'elbo', value: 0.54, tolerance: 0.06 },
    { run: 0, reading: 'klQP', value: 0.56, tolerance: 0.04 },
  ],
  source: 'Blei, Kucukelbir & McAuliffe (2017) §2.2',
};
