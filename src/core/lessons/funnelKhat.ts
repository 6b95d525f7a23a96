import type { LessonSpec } from './types';

/** Neal's funnel: a Gaussian q whose ELBO looks fine, and PSIS k̂ > 0.7 saying not to trust it. */
export const funnelKhat: LessonSpec = {
  id: 'funnel-khat',
  title: 'When the ELBO looks fine: k̂',
  link: 'target=funnel&family=full-rank&averaging=on',
  text:
    'Neal’s funnel: a scale v, and an x whose spread is e^{v/2}. A full-rank Gaussian settles on the funnel’s middle. ' +
    'Its ELBO looks healthy, steady and with a small standard error, and nothing in it tells what q misses: the thin neck below and the wide mouth above. ' +
    'In a real problem log Z is unknown, so the KL is too. ' +
    'PSIS k̂ (Vehtari et al.) fits a generalised Pareto tail to the importance weights p̃/q at q’s own samples: ' +
    'above 0.7 their tail is so heavy that importance-sampling estimates, and q’s picture of p, cannot be trusted. ' +
    'Here k̂ stays above 0.7; the plot’s quadrature, which a real problem lacks, confirms it: KL(q‖p) ≈ 0.73 nats.',
  watch: 'The ELBO curve flattens early and stays put, while k̂ stays above 0.7 and the ellipses never reach the neck.',
  question: 'k̂ sees only q’s own samples. How can it warn about parts of p that q never visits?',
  tries: [
    { label: 'A Student-t q (heavier tails)', change: { family: 'student-t' } },
    { label: 'A mixture of 5 Gaussians', change: { family: 'mixture', 'family.K': '5' } },
  ],
  claims: [
    { run: 0, reading: 'khat', above: 0.7 },
    { run: 0, reading: 'klQP', value: 0.73, tolerance: 0.03 },
  ],
  source: 'Neal (2003); Yao, Vehtari, Simpson & Gelman (2018)',
};
