import type { LessonSpec } from './types';

/** Eight schools on (μ, log τ): mean-field against full-rank. */
export const eightSchools: LessonSpec = {
  id: 'eight-schools',
  title: { en: 'Eight schools: what independence costs', zh: '八所学校：独立的代价' },
  link: 'target=eight-schools&family=mean-field,full-rank&averaging=on',
  tries: [{ change: { family: 'mean-field,planar-flow' } }, { change: { target: 'correlated-gaussian', 'target.rho': '0.9' } }],
  claims: [
    { run: 0, reading: 'klQP', value: 0.085, tolerance: 0.012 },
    { run: 1, reading: 'klQP', value: 0.085, tolerance: 0.012 },
  ],
  prose: () => import('./eightSchools.prose').then((m) => m.prose),
};
