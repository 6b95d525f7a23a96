import type { LessonSpec } from './types';

/**
 * Neal's funnel: a Gaussian q whose ELBO looks fine, and PSIS k̂ saying not to trust it. k̂ is
 * re-estimated from 1,000 fresh draws at every read-out: for this q it has median ≈ 0.77 and
 * falls under 0.7 in about a third of the read-outs, under 0.5 in about 3 % (150 read-outs), so
 * the claim is the line it keeps, 0.5, and the prose says it moves.
 */
export const funnelKhat: LessonSpec = {
  id: 'funnel-khat',
  title: { en: 'When the ELBO looks fine: k̂', zh: 'ELBO 看似正常时：k̂' },
  link: 'target=funnel&family=full-rank&averaging=on',
  tries: [{ change: { family: 'student-t' } }, { change: { family: 'mixture', 'family.K': '5' } }],
  claims: [
    { run: 0, reading: 'khat', above: 0.5 },
    { run: 0, reading: 'klQP', value: 0.73, tolerance: 0.03 },
  ],
  prose: () => import('./funnelKhat.prose').then((m) => m.prose),
};
