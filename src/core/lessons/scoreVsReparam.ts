import type { LessonSpec } from './types';

/** The same fit with four gradient estimators: reparameterisation, score function with and without baseline, STL. */
export const scoreVsReparam: LessonSpec = {
  id: 'score-vs-reparam',
  title: { en: 'Score function or reparameterisation', zh: '得分函数还是重参数化' },
  link: 'target=correlated-gaussian&family=full-rank,full-rank,full-rank,full-rank&estimator=reparam,score,stl,score-plain&samples=8',
  tries: [{ change: { target: 'formula', formula: '-(x^2 + y^2)/2 + 10', domain: '-6,6,-6,6' } }, { change: { target: 'banana' } }],
  claims: [
    { run: 1, reading: 'klQP', below: 0.01 },
    { run: 2, reading: 'klQP', below: 0.01 },
  ],
  prose: () => import('./scoreVsReparam.prose').then((m) => m.prose),
};
