import type { LessonSpec } from './types';

/** Rezende & Mohamed (2015) fig. 3: planar flows of 2, 8 and 32 layers on the energies U1–U4. */
export const flows: LessonSpec = {
  id: 'flows',
  title: { en: 'Normalizing flows: depth', zh: '归一化流：深度' },
  link: 'target=u1&family=planar-flow,planar-flow,planar-flow&family.layers=2,8,32&lr=0.005&averaging=on',
  tries: [{ change: { target: 'u2' } }, { change: { target: 'u4' } }],
  claims: [
    { run: 0, reading: 'klQP', above: 0.15 },
    { run: 2, reading: 'klQP', below: 0.1 },
  ],
  // At lr 0.005, seeds 1–8 (the CLI): 32 layers are below 0.1 from 1,500 to 10,000 steps on all
  // but one (0.196 at 4,000), and below 0.03 at 10,000; 2 layers never went under 0.17. On the
  // page (another V8's last bits, so another path) 32 layers cross 0.1 at about 1,650 steps.
  settlesBy: 3000,
  prose: () => import('./flows.prose').then((m) => m.prose),
};
