import { type FlatConfig, type Resolved, type RunConfig, resolveFlat, toFlat } from '../core/config';
import { echo } from '../core/numbers';

/** App-level switches carried in the hash beside the RunConfig. */
export interface HashOptions {
  readonly autoplay: boolean;
}

export interface ParsedHash extends Resolved {
  readonly options: HashOptions;
}

/** Read `#target=banana&target.b=0.3&family=full-rank&autoplay=1` into a RunConfig (lenient). */
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
  const resolved = resolveFlat(flat);
  return { ...resolved, problems: [...problems, ...resolved.problems], options: { autoplay } };
}

/** The hash that reproduces `config` (plus app options), with human-readable keys. */
export function formatHash(config: RunConfig, options: HashOptions): string {
  const flat: FlatConfig = toFlat(config);
  if (options.autoplay) flat.autoplay = '1';
  return `#${Object.entries(flat)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}
