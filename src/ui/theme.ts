import { useEffect, useSyncExternalStore } from 'react';
import { usePlayground } from '../state/store';

/**
 * The colour theme (styles.css: every colour is light-dark(…), so CSS follows the system by
 * itself). theme=light|dark pins one by setting data-theme on <html>; the plots that pick colours
 * in code (the density bands) ask useResolvedTheme which one is on screen.
 */
const DARK_QUERY = '(prefers-color-scheme: dark)';

// One query list for the page: matchMedia() parses its query on every call, and the density plot
// asks on every frame (it was ~5 % of a frame's script in a profile).
let media: MediaQueryList | null = null;
const systemQuery = () => (media ??= window.matchMedia(DARK_QUERY));

function subscribeSystem(onChange: () => void): () => void {
  const m = systemQuery();
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

const systemIsDark = () => systemQuery().matches;

export function useResolvedTheme(): 'light' | 'dark' {
  const choice = usePlayground((s) => s.view.theme);
  const dark = useSyncExternalStore(subscribeSystem, systemIsDark, () => false);
  return choice === 'system' ? (dark ? 'dark' : 'light') : choice;
}

/** Keep <html data-theme> in step with the view's choice (absent: the system's). */
export function useThemeAttribute(): void {
  const choice = usePlayground((s) => s.view.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
  }, [choice]);
}
