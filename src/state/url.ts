import { type FlatConfig, type Resolved, type RunConfig, resolveFlat, toFlat } from '../core/config';

/** App-level switches carried in the hash beside the RunConfig. */
export interface HashOptions {
  readonly autoplay: boolean;
}

export interface ParsedHash extends Resolved {
  readonly options: HashOptions;
}

/** Read `#target=banana&target.b=0.3&family=full-rank&autoplay=1` into a RunConfig (lenient). */
export function parseHash(hash: string): ParsedHash {
  const flat: Record<string, string> = {};
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const problems: string[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      flat[decodeURIComponent(rawKey)] = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      problems.push(`could not read "${part}" in the link (bad %-encoding); ignored it.`);
    }
  }
  const autoplayRaw = flat.autoplay;
  let autoplay = false;
  if (autoplayRaw !== undefined) {
    if (autoplayRaw === '1' || autoplayRaw === 'true') autoplay = true;
    else if (autoplayRaw !== '0' && autoplayRaw !== 'false') {
      problems.push(`autoplay must be 1 or 0 (got "${autoplayRaw}"); not starting by itself.`);
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
