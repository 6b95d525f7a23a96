import { type ReactNode, useEffect, useSyncExternalStore } from 'react';

/**
 * The page mounts in stages, one task each (issue 9, docs/architecture.md#drawing): the first commit
 * holds what a learner looks at first (the bar, the controls, the plot, the side panels); the
 * chart, the numbers and the math follow one by one, each in a task after the frame that painted
 * the one before. One commit of the whole page, and the browser's first style and layout of all of
 * it, was the longest task of opening a link on a phone. Until its stage comes, a part shows its
 * own waiting form (the room it will take), so nothing moves when it arrives.
 */
export const LAST_STAGE = 3;

/**
 * styles.css's one-column layout (`@media (max-width: 900px)`): the side panels sit under the plot,
 * mostly below the fold, so they come a stage after it; beside the plot they come with it.
 */
const STACKED = typeof matchMedia === 'function' && matchMedia('(max-width: 900px)').matches;
export const SIDE_PANEL_STAGE = STACKED ? 1 : 0;

let stage = 0;
const listeners = new Set<() => void>();
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};
const current = () => stage;

function advance(): void {
  if (stage >= LAST_STAGE) return;
  stage += 1;
  for (const f of listeners) f();
}

/**
 * Runs `f` once, in a task after the next frame has painted; a hidden or throttled document (a tab
 * in the background, an embed off screen) gets no frames, so a timer stands in.
 */
function afterNextPaint(f: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    f();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = once;
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    channel.port1.close();
  };
}

/** Moves the page to its next stage once the current one has painted; rendered once, by App. */
export function StageClock(): null {
  const now = useSyncExternalStore(subscribe, current);
  useEffect(() => (now < LAST_STAGE ? afterNextPaint(advance) : undefined), [now]);
  return null;
}

/** `children` from stage `at` on; before it, `waiting` (the part's own waiting form). */
export function Staged({ at, waiting = null, children }: { at: number; waiting?: ReactNode; children: ReactNode }) {
  const now = useSyncExternalStore(subscribe, current);
  return <>{now >= at ? children : waiting}</>;
}
