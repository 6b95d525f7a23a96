import type { LessonSpec } from './types';

/** log Z = ELBO + KL(q‖p) on three bumps (Z = 3), and a formula that gets it wrong. */
export const elboGap: LessonSpec = {
  id: 'elbo-gap',
  title: { en: 'The ELBO and its gap', zh: 'ELBO 及其差距' },
  link: 'target=multimodal&family=full-rank&averaging=on',
  tries: [{ change: { family: 'mixture', 'family.K': '3' } }, { change: { family: 'mean-field' } }],
  claims: [
    { run: 0, reading: 'logZ', value: 1.099, tolerance: 0.005 },
    // The ELBO is a 1,000-draw estimate with a standard error of about 0.037 here (seeds 1–3): ± 0.12 is 3.2 of them.
    { run: 0, reading: 'elbo', value: 0.54, tolerance: 0.12 },
    { run: 0, reading: 'klQP', value: 0.56, tolerance: 0.04 },
  ],
  prose: () => import('./elboGap.prose').then((m) => m.prose),
};
