import type { LessonSpec } from './types';

/** IWAE with K = 1, 5, 50 on three bumps: the bounds rise towards log Z. */
export const iwaeTighter: LessonSpec = {
  id: 'iwae-tighter',
  title: { en: 'IWAE: tighter bounds with K', zh: 'IWAE：K 越大，界越紧' },
  link: 'target=multimodal&family=full-rank,full-rank,full-rank&objective=iwae&objective.K=1,5,50&samples=64&averaging=on',
  tries: [{ change: { family: 'mixture,mixture,mixture', 'family.K': '3' } }, { change: { 'objective.K': '1,2,64' } }],
  claims: [
    { run: 0, reading: 'logZ', value: 1.099, tolerance: 0.005 },
    { run: 0, reading: 'bound', below: 0.75 },
    { run: 1, reading: 'bound', above: 0.8 },
    { run: 2, reading: 'bound', above: 0.95 },
  ],
  prose: () => import('./iwaeTighter.prose').then((m) => m.prose),
};
