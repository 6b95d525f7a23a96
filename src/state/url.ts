import { echo } from '../core/numbers';
import type { SessionConfig } from '../core/session';
import { type FlatConfig, type ResolvedSession, resolveSession, toFlatSession } from '../core/sessionFlat';
import { wordProblem } from '../words/problems';
import type { ViewOptions } from './store';

export interface ParsedHash extends ResolvedSession {
  readonly view: ViewOptions;
}

/**
 * Read `#target=banana&family=mean-field,full-rank&autoplay=1` into a session (lenient): the link
 * format is docs/link-format.md.
 */
export function parseHash(hash: string): ParsedHash {
  // Entries, not assignments: `flat["__proto__"] = v` would set the prototype and drop the key
  // silently; Object.fromEntries makes it an ordinary (unknown, reported) setting.
  const entries = new Map<string, string>();
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const problems: string[] = [];
  const unreadable: string[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      entries.set(decodeURIComponent(rawKey), decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      unreadable.push(part);
    }
  }
  if (unreadable.length === 1) problems.push(`could not read "${echo(unreadable[0])}" in the link (bad %-encoding); ignored it.`);
  else if (unreadable.length > 1) {
    problems.push(`could not read ${unreadable.length} parts of the link (bad %-encoding), e.g. "${echo(unreadable[0])}"; ignored them.`);
  }
  const flat: Readonly<Record<string, string>> = Object.fromEntries(entries);
  const autoplayRaw = entries.get('autoplay');
  let autoplay = false;
  if (autoplayRaw !== undefined) {
    if (autoplayRaw === '1' || autoplayRaw === 'true') autoplay = true;
    else if (autoplayRaw !== '0' && autoplayRaw !== 'false') {
      problems.push(`autoplay must be 1 or 0 (got "${echo(autoplayRaw)}"); not starting by itself.`);
    }
  }
  const resolved = resolveSession(flat, wordProblem);
  return { ...resolved, problems: [...problems, ...resolved.problems], view: { autoplay } };
}

/**
 * The hash that reproduces `session` (plus view options), with human-readable keys. Commas stay
 * as they are: they separate the runs' values and read better than %2C.
 */
export function formatHash(session: SessionConfig, view: ViewOptions): string {
  const flat: FlatConfig = toFlatSession(session);
  if (view.autoplay) flat.autoplay = '1';
  return `#${Object.entries(flat)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
    .join('&')}`;
}
