import type { LessonSpec } from './types';

/** A coin in logit space: the Jacobian, the two spaces, Pyro's SVI tutorial (Beta(10, 10), 6 heads, 4 tails). */
export const constrained: LessonSpec = {
  id: 'constrained',
  title: { en: 'A coin in logit space', zh: 'logit 空间中的硬币' },
  link: 'target=coin&family=mean-field&averaging=on',
  tries: [{ change: { 'target.heads': '60', 'target.tails': '40' } }, { change: { 'target.a': '1', 'target.b': '1', 'target.heads': '0', 'target.tails': '3' } }],
  claims: [
    { run: 0, reading: 'constrainedMean', value: 0.533, tolerance: 0.003 },
    { run: 0, reading: 'logZ', value: -7.069, tolerance: 0.003 },
  ],
  prose: () => import('./constrained.prose').then((m) => m.prose),
};
