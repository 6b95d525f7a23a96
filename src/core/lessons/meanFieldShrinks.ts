import type { LessonSpec } from './types';

/** PRML §10.1.2, fig. 10.2: mean-field under reverse KL is too narrow, under forward KL too wide. */
export const meanFieldShrinks: LessonSpec = {
  id: 'mean-field-shrinks',
  title: { en: 'Mean-field shrinks', zh: '平均场会收缩' },
  link: 'target=correlated-gaussian&target.rho=0.9&family=mean-field,mean-field&objective=reverse-kl,forward-kl&averaging=on',
  tries: [{ change: { 'target.rho': '0.5' } }, { change: { family: 'full-rank' } }],
  claims: [
    { run: 0, reading: 'variance', coord: 0, value: 0.19, tolerance: 0.01 },
    { run: 0, reading: 'variance', coord: 1, value: 0.19, tolerance: 0.01 },
    { run: 1, reading: 'variance', coord: 0, value: 1, tolerance: 0.02 },
    { run: 1, reading: 'variance', coord: 1, value: 1, tolerance: 0.02 },
    { run: 0, reading: 'klQP', value: 0.83, tolerance: 0.01 },
    { run: 1, reading: 'klPQ', value: 0.83, tolerance: 0.01 },
  ],
  prose: () => import('./meanFieldShrinks.prose').then((m) => m.prose),
};
