import { useMemo } from 'react';
import { findLesson } from '../../core/lessons/registry';
import { emPath, mixtureMeans } from '../../core/targets/mixtureMeans';
import { usePlayground } from '../../state/store';

/** The active lesson's overlay on the 2D plot: EM's iterates on the mixture-means target, else none. */
export function useLessonPath(): [number, number][] | undefined {
  const lesson = usePlayground((s) => s.view.lesson);
  const target = usePlayground((s) => s.session.target);
  return useMemo(() => {
    const overlay = lesson === null ? undefined : findLesson(lesson)?.overlay;
    return overlay === 'em-path' && target.id === mixtureMeans.id ? emPath(target.params) : undefined;
  }, [lesson, target]);
}
