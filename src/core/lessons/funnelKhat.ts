import type { LessonSpec } from './types';

/** Neal's funnel: a Gaussian q whose ELBO looks fine, and PSIS k̂ > 0.7 saying not to trust it. */
export const funnelKhat: LessonSpec = {
  id: 'funnel-khat',
  title: { en: 'When the ELBO looks fine: k̂', zh: 'ELBO 看似正常时：k̂' },
  link: 'target=funnel&family=full-rank&averaging=on',
  tries: [{ change: { family: 'student-t' } }, { change: { family: 'mixture', 'family.K': '5' } }],
  claims: [
    { run: 0, reading: 'khat', above: 0.7 },
    { run: 0, reading: 'klQP', value: 0.73, tolerance: 0.03 },
  ],
  prose: () => import('./funnelKhat.prose').then((m) => m.prose),
};
