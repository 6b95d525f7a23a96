import type { LessonSpec } from './types';

/** Rezende & Mohamed (2015) fig. 3: planar flows of 2, 8 and 32 layers on the energies U1–U4. */
export const flows: LessonSpec = {
  id: 'flows',
  title: 'Normalizing flows: depth',
  link: 'target=u1&family=planar-flow,planar-flow,planar-flow&family.layers=2,8,32&lr=0.02&averaging=on',
  text:
    'Rezende & Mohamed (2015), figure 3: the energies U1–U4 fitted by planar flows, a Gaussian bent by a stack of layers, each a smooth shear along one direction. ' +
    'Three runs on the same target, with 2, 8 and 32 layers. ' +
    'U1 is a ring cut in two. Two layers can bend q but hardly split it: KL(q‖p) stays above 0.2. Eight layers open the ring; 32 follow it closely, below 0.1. ' +
    'A flow knows log q only at its own samples, so its KL(q‖p) is log Z − ELBO, with the ELBO’s error. ' +
    'More layers cost more per step and can be harder to train: watch the speed and the jitter.',
  watch: 'The three plots side by side: the 2-layer q stays one lump; the deeper ones wrap around the ring. The KL chart orders them by depth.',
  question: 'Why can a few planar layers not split one Gaussian into two separate pieces? What does each layer do to a straight line?',
  tries: [
    { label: 'The wave U2', change: { target: 'u2' } },
    { label: 'The split wave U4', change: { target: 'u4' } },
  ],
  claims: [
    { run: 0, reading: 'klQP', above: 0.2 },
    { run: 2, reading: 'klQP', below: 0.1 },
  ],
  source: 'Rezende & Mohamed (2015), fig. 3',
};
