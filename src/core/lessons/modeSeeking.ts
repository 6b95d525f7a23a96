import type { LessonSpec } from './types';

/** PRML fig. 10.3 in 1D: reverse KL picks one mode, forward KL covers both. */
export const modeSeeking: LessonSpec = {
  id: 'mode-seeking',
  title: { en: 'Mode-seeking and mass-covering', zh: '模式寻求与质量覆盖' },
  link: 'target=bimodal-1d&family=mean-field,mean-field&objective=reverse-kl,forward-kl&averaging=on',
  tries: [{ change: { 'target.weight': '0.2' } }, { change: { 'target.separation': '1' } }],
  claims: [
    { run: 0, reading: 'klQP', value: 0.689, tolerance: 0.01 },
    { run: 0, reading: 'variance', coord: 0, value: 1, tolerance: 0.1 },
    { run: 0, reading: 'mean', coord: 0, below: 0 },
    { run: 1, reading: 'mean', coord: 0, value: 0, tolerance: 0.05 },
    { run: 1, reading: 'variance', coord: 0, value: 10, tolerance: 0.1 },
    { run: 1, reading: 'klPQ', value: 0.462, tolerance: 0.01 },
  ],
  prose: () => import('./modeSeeking.prose').then((m) => m.prose),
};
