import { lazy, Suspense, useEffect } from 'react';
import { findLesson } from '../../core/lessons/registry';
import { usePlayground } from '../../state/store';
import { loadLessonProse } from './useLessonProse';

// The panel, its claims' readings and its words load with the first lesson opened, as the
// lesson's prose does (issue 9's page-JS budget): most visits open none.
const LessonShown = lazy(() => import('./LessonShown'));

/** The lesson above the workspace, when the link or the menu opened one (docs/lessons.md). */
export function LessonPanel() {
  const id = usePlayground((s) => s.view.lesson);
  const lesson = id === null ? undefined : findLesson(id);
  // The prose's fetch starts beside the panel's, not after it.
  useEffect(() => {
    if (lesson) void loadLessonProse(lesson).catch(() => undefined);
  }, [lesson]);
  if (!lesson) return null;
  return (
    <Suspense fallback={null}>
      <LessonShown lesson={lesson} />
    </Suspense>
  );
}
