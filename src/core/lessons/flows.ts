import type { LessonSpec } from './types';

/** Rezende & Mohamed (2015) fig. 3: planar flows of 2, 8 and 32 layers on the energies U1–U4. */
export const flows: LessonSpec = {
  id: 'flows',
  title: { en: 'Normalizing flows: depth', zh: '归一化流：深度' },
  link: 'target=u1&family=planar-flow,planar-flow,planar-flow&family.layers=2,8,32&lr=0.02&averaging=on',
  tries: [{ change: { target: 'u2' } }, { change: { target: 'u4' } }],
  claims: [
    { run: 0, reading: 'klQP', above: 0.2 },
    { run: 2, reading: 'klQP', below: 0.1 },
  ],
  prose: () => import('./flows.prose').then((m) => m.prose),
};
