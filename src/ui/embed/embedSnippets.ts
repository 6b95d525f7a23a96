import { HIDE_PARTS, type HidePart } from '../../state/embed/embedApi';

/**
 * What the Embed dialog hands an author (docs/embedding.md): the embed page's URL, an `<iframe>`
 * snippet and a `<vi-playground>` snippet for the current link. Pure strings, no DOM, so the
 * dialog and its tests agree on every character.
 */

/** The iframe's (and the element's) width: a fixed number of CSS pixels, or the host's column. */
export type EmbedWidth = number | '100%';

export interface EmbedChoices {
  readonly hide: readonly HidePart[];
  readonly autoplay: boolean;
  readonly width: EmbedWidth;
  /** CSS pixels (see HEIGHT_RANGE). */
  readonly height: number;
}

export interface EmbedSnippets {
  /** `<base>embed.html#<app keys>&hide=…&autoplay=1`. */
  readonly url: string;
  /** The hash the `<vi-playground config>` attribute takes: the app's keys only. */
  readonly config: string;
  readonly iframe: string;
  readonly element: string;
}

/** Heights the dialog offers: below 240 px nothing but the header fits; above 1600 no page wants it. */
export const HEIGHT_RANGE = { min: 240, max: 1600 } as const;
/** Fixed widths the dialog offers. */
export const WIDTH_RANGE = { min: 280, max: 2400 } as const;

export const DEFAULT_CHOICES: EmbedChoices = { hide: [], autoplay: false, width: '100%', height: 720 };

/**
 * Keys of the embed page's own (docs/embedding.md), not the app's: the dialog sets `hide` and
 * `autoplay` itself, so the app's copies are dropped; `origin` belongs to one host page and is
 * never copied from a link.
 */
const EMBED_OWN_KEYS: ReadonlySet<string> = new Set(['hide', 'autoplay', 'origin']);

/** `&`, `"` and `<` as character references: safe inside a double-quoted attribute and as text. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The app's hash without the embed's own keys, entries kept byte for byte (their %-encoding and
 * their commas: `family=mean-field,full-rank` stays readable). Returns '' or `#k=v&…`.
 */
export function appKeys(hash: string): string {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const kept = text.split('&').filter((entry) => entry !== '' && !EMBED_OWN_KEYS.has(entryKey(entry)));
  return kept.length === 0 ? '' : `#${kept.join('&')}`;
}

function entryKey(entry: string): string {
  const eq = entry.indexOf('=');
  const raw = eq < 0 ? entry : entry.slice(0, eq);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The chosen parts in HIDE_PARTS order (the order the docs list them), each once. */
export function orderedHide(hide: readonly HidePart[]): HidePart[] {
  return HIDE_PARTS.filter((part) => hide.includes(part));
}

/** A height inside HEIGHT_RANGE, whole pixels (NaN gives the default). */
export function clampHeight(height: number): number {
  if (!Number.isFinite(height)) return DEFAULT_CHOICES.height;
  return Math.min(HEIGHT_RANGE.max, Math.max(HEIGHT_RANGE.min, Math.round(height)));
}

/** A fixed width inside WIDTH_RANGE, whole pixels (NaN gives the smallest). */
export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return WIDTH_RANGE.min;
  return Math.min(WIDTH_RANGE.max, Math.max(WIDTH_RANGE.min, Math.round(width)));
}

/**
 * @param hash the app's link hash, as formatHash(session, view) writes it
 * @param base the folder the site is served from (ends in `/`), e.g. `new URL('.', location.href)`
 */
export function embedSnippets(hash: string, choices: EmbedChoices, base: URL | string): EmbedSnippets {
  const config = appKeys(hash);
  const hide = orderedHide(choices.hide);
  // hide's commas stay as they are, like the link's comma lists (part names need no encoding).
  const embedKeys = [...(hide.length > 0 ? [`hide=${hide.join(',')}`] : []), ...(choices.autoplay ? ['autoplay=1'] : [])];
  const keys = [config.slice(1), ...embedKeys].filter((k) => k !== '').join('&');
  const page = new URL('embed.html', base).href;
  const url = keys === '' ? page : `${page}#${keys}`;
  const width = choices.width === '100%' ? '100%' : String(clampWidth(choices.width));
  const height = String(clampHeight(choices.height));

  const iframe = `<iframe ${attributes([
    ['src', url],
    ['width', width],
    ['height', height],
    ['title', 'VI Playground'],
    ['style', 'border:0'],
  ])}></iframe>`;

  const elementAttributes: [string, string][] = [['config', config]];
  if (hide.length > 0) elementAttributes.push(['hide', hide.join(',')]);
  if (choices.autoplay) elementAttributes.push(['autoplay', '1']);
  // The element fills its column unless told otherwise, so 100% needs no attribute.
  if (width !== '100%') elementAttributes.push(['width', width]);
  elementAttributes.push(['height', height]);
  const script = new URL('embed.js', base).href;
  const element = `<script src="${escapeAttribute(script)}"></script>\n<vi-playground ${attributes(elementAttributes)}></vi-playground>`;

  return { url, config, iframe, element };
}

function attributes(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
}
