import type { Words } from '../i18n/words';

/** The page's keyboard shortcuts, for the handler and the help dialog alike. */
export interface Shortcut {
  readonly keys: readonly string[];
  /** How the help dialog writes the key. */
  readonly label: string;
  /** What it does, in the page's words. */
  readonly does: keyof Pick<Words, 'shortcutPlay' | 'shortcutStep' | 'shortcutReset' | 'shortcutRun' | 'shortcutHelp'>;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' '], label: 'Space', does: 'shortcutPlay' },
  { keys: ['ArrowRight'], label: '→', does: 'shortcutStep' },
  { keys: ['r', 'R'], label: 'R', does: 'shortcutReset' },
  { keys: ['1', '2', '3', '4'], label: '1–4', does: 'shortcutRun' },
  { keys: ['?'], label: '?', does: 'shortcutHelp' },
];

/** Where a key belongs to the control that has focus (typing, choosing, pressing), not to the page. */
export function keyBelongsToControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, button, summary, a[href], [contenteditable="true"], dialog') !== null;
}
