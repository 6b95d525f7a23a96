import type { FlatConfig } from '../sessionFlat';
import type { LessonSpec } from './types';

/**
 * A lesson's session as flat link keys (docs/link-format.md): `link` is written as the link
 * writes it, so it is read the same way (%-decoding, + as a space).
 */
export function lessonFlat(lesson: LessonSpec): FlatConfig {
  const flat: FlatConfig = {};
  for (const part of lesson.link.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    flat[decode(eq < 0 ? part : part.slice(0, eq))] = decode(eq < 0 ? '' : part.slice(eq + 1));
  }
  return flat;
}

/**
 * A "try this" change applied over the current session's flat keys. A new target drops the old
 * target's parameters, a new family (objective) the old one's options, unless the change gives
 * them: they would be unknown settings of the new choice.
 */
export function applyTry(current: FlatConfig, change: Readonly<Record<string, string>>): FlatConfig {
  const drops = (['target', 'family', 'objective'] as const).filter((k) => Object.hasOwn(change, k) && change[k] !== current[k]);
  const next: FlatConfig = {};
  for (const [key, value] of Object.entries(current)) {
    if (drops.some((d) => key.startsWith(`${d}.`))) continue;
    // A formula belongs to the formula target only.
    if (drops.includes('target') && (key === 'formula' || key === 'domain')) continue;
    next[key] = value;
  }
  return { ...next, ...change };
}
