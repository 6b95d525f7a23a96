import type { LessonSpec } from './types';

/** PRML fig. 10.3 in 1D: reverse KL picks one mode, forward KL covers both. */
export const modeSeeking: LessonSpec = {
  id: 'mode-seeking',
  title: 'Mode-seeking and mass-covering',
  link: 'target=bimodal-1d&family=mean-field,mean-field&objective=reverse-kl,forward-kl&averaging=on',
  text:
    'PRML figure 10.3, in one dimension: p is an equal mixture of N(−3, 1) and N(3, 1), and q a single Gaussian. ' +
    'Reverse KL(q‖p) is mode-seeking: q pays dearly for mass where p has none, so run 1 settles on one bump with variance near 1 and ignores the other, at KL(q‖p) ≈ 0.689, just under log 2. ' +
    'Which bump depends on the start: q starts left of centre, so here it takes the left one. ' +
    'Forward KL(p‖q) is mass-covering: q must put mass wherever p has some, so run 2 matches p’s mean 0 and variance 1 + 3² = 10, ' +
    'and sits mostly in the empty valley between the bumps, at KL(p‖q) ≈ 0.462.',
  watch: 'Run 1 slides into the left bump and stays there; run 2 spreads over both. Compare each run’s two KLs: each is small only in its own direction.',
  question: 'Bring the bumps together. At which separation can a single Gaussian no longer choose one?',
  tries: [
    { label: 'Heavier right bump, w = 0.2', change: { 'target.weight': '0.2' } },
    { label: 'Bumps closer, d = 1', change: { 'target.separation': '1' } },
  ],
  claims: [
    { run: 0, reading: 'klQP', value: 0.689, tolerance: 0.01 },
    { run: 0, reading: 'variance', coord: 0, value: 1, tolerance: 0.1 },
    { run: 0, reading: 'mean', coord: 0, below: 0 },
    { run: 1, reading: 'mean', coord: 0, value: 0, tolerance: 0.05 },
    { run: 1, reading: 'variance', coord: 0, value: 10, tolerance: 0.1 },
    { run: 1, reading: 'klPQ', value: 0.462, tolerance: 0.01 },
  ],
  source: 'Bishop (2006), PRML §10.1.2, fig. 10.3; Minka (2005)',
};
