import { constrained } from './constrained';
import { eightSchools } from './eightSchools';
import { elboGap } from './elboGap';
import { emAndVi } from './emAndVi';
import { flows } from './flows';
import { funnelKhat } from './funnelKhat';
import { iwaeTighter } from './iwaeTighter';
import { meanFieldShrinks } from './meanFieldShrinks';
import { modeSeeking } from './modeSeeking';
import { scoreVsReparam } from './scoreVsReparam';
import type { LessonSpec } from './types';

/**
 * Every lesson, in the order the menu lists them and previous/next walk them (docs/lessons.md).
 * Adding one is one file plus one line here.
 */
export const lessons: readonly LessonSpec[] = [
  elboGap,
  meanFieldShrinks,
  modeSeeking,
  scoreVsReparam,
  funnelKhat,
  flows,
  constrained,
  eightSchools,
  iwaeTighter,
  emAndVi,
];

export function findLesson(id: string): LessonSpec | undefined {
  return lessons.find((l) => l.id === id);
}

/** The lesson `step` places after (1) or before (−1) `id` in the menu, or undefined at either end. */
export function neighbourLesson(id: string, step: 1 | -1): LessonSpec | undefined {
  const i = lessons.findIndex((l) => l.id === id);
  return i < 0 ? undefined : lessons[i + step];
}
