/** The page's keyboard shortcuts, for the handler and the help dialog alike. */
export interface Shortcut {
  readonly keys: readonly string[];
  /** How the help dialog writes the key. */
  readonly label: string;
  readonly does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' '], label: 'Space', does: 'Play or pause' },
  { keys: ['ArrowRight'], label: '→', does: 'Take one step (while paused)' },
  { keys: ['r', 'R'], label: 'R', does: 'Reset every run' },
  { keys: ['1', '2', '3', '4'], label: '1–4', does: 'Go to run 1–4 of a comparison' },
  { keys: ['?'], label: '?', does: 'Show these shortcuts' },
];

/** Where a key belongs to the control that has focus (typing, choosing, pressing), not to the page. */
export function keyBelongsToControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, button, summary, a[href], [contenteditable="true"], dialog') !== null;
}
