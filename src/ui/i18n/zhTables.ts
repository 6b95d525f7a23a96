import { useEffect, useSyncExternalStore } from 'react';
import { useLang } from './words';

/**
 * The zh chunk's tables beside its flat words (the catalogue, the formula box's messages): each
 * is a separate export of zh/index.ts, fetched with the rest of 简体中文 (the same chunk, so one
 * request), and null while the page speaks English or the chunk is still on its way.
 */
type ZhModule = typeof import('./zh/index');

let zhModule: ZhModule | null = null;
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

function loadZhTables(): Promise<void> {
  pending ??= import('./zh/index').then((m) => {
    zhModule = m;
    for (const f of listeners) f();
  });
  return pending;
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

/** The zh chunk's module when the page speaks 简体中文 and it has loaded; else null (English). */
export function useZhTables(): ZhModule | null {
  const lang = useLang();
  const m = useSyncExternalStore(
    subscribe,
    () => (lang === 'zh' ? zhModule : null),
    () => null,
  );
  useEffect(() => {
    if (lang === 'zh') void loadZhTables();
  }, [lang]);
  return m;
}
