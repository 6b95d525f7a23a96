import type { HidePart } from '../state/embed/embedApi';

/** Layout classes for the grid columns that hidden panels leave empty (`hide=`, styles.css). */
export const without = (hide: readonly HidePart[], ...parts: HidePart[]) =>
  parts
    .filter((p) => hide.includes(p))
    .map((p) => ` no-${p}`)
    .join('');
