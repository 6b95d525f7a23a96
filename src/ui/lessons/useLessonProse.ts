import { useEffect, useSyncExternalStore } from 'react';
import type { LessonProse, LessonSpec } from '../../core/lessons/types';

/**
 * A lesson's prose, loaded when the lesson opens (its own chunk, both languages: a switch of
 * language mid-lesson needs no fetch). Kept once loaded, so previous/next and a restart are
 * instant after the first visit.
 */
const loaded = new Map<string, LessonProse>();
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Fetch a lesson's prose once (again after a failure). */
export function loadLessonProse(lesson: LessonSpec): Promise<void> {
  let p = pending.get(lesson.id);
  if (!p) {
    p = lesson.prose().then((prose) => {
      loaded.set(lesson.id, prose);
      for (const f of listeners) f();
    });
    // A failed fetch (offline) may be tried again on the next opening.
    p.catch(() => pending.delete(lesson.id));
    pending.set(lesson.id, p);
  }
  return p;
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

/** The lesson's prose, or undefined while it loads. */
export function useLessonProse(lesson: LessonSpec): LessonProse | undefined {
  const prose = useSyncExternalStore(subscribe, () => loaded.get(lesson.id));
  useEffect(() => {
    void loadLessonProse(lesson).catch(() => undefined);
  }, [lesson]);
  return prose;
}
