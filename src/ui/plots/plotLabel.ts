import type { Snapshot } from '../../core/engine/snapshot';
import { formatValue } from '../format';
import type { Words } from '../i18n/words';

/**
 * A plot's text alternative: what is drawn, and the number it is about (in the language on
 * screen). It sits in aria-label (not a live region), so a screen reader reads it when the plot
 * is reached, never at frame rate.
 */
export function withKl(drawn: string, source: Snapshot | number | null, w: Words): string {
  const kl = typeof source === 'number' || source === null ? source : source.klQP;
  return kl === null || !Number.isFinite(kl) ? drawn : w.altWithKl(drawn, formatValue(kl));
}
