import { useEffect, useState } from 'react';
import { type PlaygroundState, usePlayground } from '../state/store';

/**
 * A store value that re-renders its component at most every `ms` (the last change always lands).
 * Curves and the table need not redraw at frame rate: four runs would redraw both charts 60 times a
 * second, most of the main thread's time. `select` must be stable (a module-level function).
 * The re-render always runs in a task of its own, never inside the store update that announced
 * the change: that update is the plots' frame, and the two together would make one long task.
 */
export function useThrottled<T>(select: (s: PlaygroundState) => T, ms: number): T {
  const [value, setValue] = useState(() => select(usePlayground.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      timer = undefined;
      last = performance.now();
      setValue(() => select(usePlayground.getState()));
    };
    apply();
    const unsubscribe = usePlayground.subscribe(() => {
      timer ??= setTimeout(apply, Math.max(0, ms - (performance.now() - last)));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [select, ms]);
  return value;
}
