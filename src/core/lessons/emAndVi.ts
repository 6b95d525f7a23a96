import type { LessonSpec } from './types';

/** How VI relates to EM, on the two means of a 1D mixture (docs/targets.md#mixture-means). */
export const emAndVi: LessonSpec = {
  id: 'em-and-vi',
  title: { en: 'EM and VI', zh: 'EM 与变分推断' },
  link: 'target=mixture-means&family=full-rank&averaging=on',
  tries: [{ change: { family: 'mixture', 'family.K': '2' } }, { change: { 'target.x3': '0.5' } }],
  claims: [
    { run: 0, reading: 'emFixedPoint', coord: 0, value: -1.783, tolerance: 0.001 },
    { run: 0, reading: 'emFixedPoint', coord: 1, value: 1.693, tolerance: 0.001 },
    { run: 0, reading: 'klQP', value: 0.7, tolerance: 0.03 },
  ],
  overlay: 'em-path',
  prose: () => import('./emAndVi.prose').then((m) => m.prose),
};
