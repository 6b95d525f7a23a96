import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { sessionOf } from '../../core/session';
import { HIDE_PARTS } from '../../state/embed/embedApi';
import { DEFAULT_VIEW } from '../../state/store';
import { formatHash, parseHash } from '../../state/url';
import { appKeys, clampHeight, DEFAULT_CHOICES, type EmbedChoices, embedSnippets, escapeAttribute, orderedHide } from './embedSnippets';

const BASE = 'https://courses.example.org/vi/';

/** An attribute's value as a browser reads it (the three references escapeAttribute writes). */
function attribute(html: string, name: string): string | null {
  const m = html.match(new RegExp(`\\s${name}="([^"]*)"`));
  if (!m) return null;
  return m[1].replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const choices = (over: Partial<EmbedChoices>): EmbedChoices => ({ ...DEFAULT_CHOICES, ...over });

describe('embedSnippets', () => {
  const comparison = sessionOf([defaultConfig('banana', 'mean-field'), defaultConfig('banana', 'full-rank')], { speed: 500, backend: 'auto' });

  it('the embed URL carries the app keys unchanged, and they read back as the same session', () => {
    const hash = formatHash(comparison, DEFAULT_VIEW);
    const { url, iframe, config } = embedSnippets(hash, DEFAULT_CHOICES, BASE);
    expect(url).toBe(`${BASE}embed.html${hash}`);
    expect(config).toBe(hash);
    expect(attribute(iframe, 'src')).toBe(url);
    const parsed = parseHash(new URL(url).hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.session).toEqual(comparison);
  });

  it('a comparison keeps its commas (family=mean-field,full-rank), never %2C', () => {
    const hash = formatHash(comparison, DEFAULT_VIEW);
    const { url, iframe, element } = embedSnippets(hash, DEFAULT_CHOICES, BASE);
    for (const text of [url, iframe, element]) {
      expect(text).toContain('family=mean-field,full-rank');
      expect(text).not.toContain('%2C');
    }
  });

  it('hide lists the parts in HIDE_PARTS order, each once, after the app keys', () => {
    const { url, element } = embedSnippets('#target=banana', choices({ hide: ['engine', 'transport', 'engine'] }), BASE);
    expect(url).toBe(`${BASE}embed.html#target=banana&hide=transport,engine`);
    expect(attribute(element, 'hide')).toBe('transport,engine');
    expect(orderedHide([...HIDE_PARTS].reverse())).toEqual([...HIDE_PARTS]);
    // Nothing hidden: no hide key at all.
    expect(embedSnippets('#target=banana', DEFAULT_CHOICES, BASE).url).not.toContain('hide=');
    expect(attribute(embedSnippets('#target=banana', DEFAULT_CHOICES, BASE).element, 'hide')).toBeNull();
  });

  it("drops the app's autoplay and adds autoplay=1 only when chosen", () => {
    const hash = formatHash(comparison, { ...DEFAULT_VIEW, autoplay: true });
    expect(hash).toContain('autoplay=1');
    const off = embedSnippets(hash, DEFAULT_CHOICES, BASE);
    expect(off.url).not.toContain('autoplay');
    expect(off.element).not.toContain('autoplay');
    const on = embedSnippets(hash, choices({ autoplay: true, hide: ['chart'] }), BASE);
    expect(on.url.match(/autoplay/g)).toHaveLength(1);
    expect(on.url.endsWith('&hide=chart&autoplay=1')).toBe(true);
    expect(attribute(on.element, 'autoplay')).toBe('1');
    expect(attribute(on.element, 'config')).not.toContain('autoplay');
  });

  it('the embed page’s own keys in a hand-made hash are replaced, not doubled', () => {
    expect(appKeys('#hide=chart&target=banana&origin=https%3A%2F%2Fx.org&autoplay=0')).toBe('#target=banana');
    expect(appKeys('')).toBe('');
    expect(embedSnippets('', DEFAULT_CHOICES, BASE).url).toBe(`${BASE}embed.html`);
  });

  it('escapes &, " and < in attribute values, so the snippets parse back to the same URL', () => {
    expect(escapeAttribute('a&b"c<d>')).toBe('a&amp;b&quot;c&lt;d>');
    const hash = '#target=formula&formula=x"<y&seed=1';
    const { url, iframe, element } = embedSnippets(hash, choices({ hide: ['notices'] }), BASE);
    expect(iframe).toContain('&amp;formula=x&quot;&lt;y&amp;seed=1');
    expect(attribute(iframe, 'src')).toBe(url);
    expect(attribute(element, 'config')).toBe(hash);
    // No raw quote or angle bracket leaks out of an attribute.
    expect(iframe.match(/</g)).toHaveLength(2);
    expect(element.match(/</g)).toHaveLength(4);
  });

  it('a formula link round-trips through the iframe snippet', () => {
    const formula = parseHash('#formula=-(x%5E2%2By%5E2)%2F2+-+abs(x*y)&domain=-3,3').session;
    const hash = formatHash(formula, DEFAULT_VIEW);
    const src = attribute(embedSnippets(hash, DEFAULT_CHOICES, BASE).iframe, 'src') ?? '';
    expect(parseHash(new URL(src).hash).session).toEqual(formula);
  });

  it('writes the iframe with its size, title and no border; the element after its script', () => {
    const { iframe, element } = embedSnippets('#target=banana', choices({ width: 640, height: 480 }), BASE);
    expect(iframe).toBe(`<iframe src="${BASE}embed.html#target=banana" width="640" height="480" title="VI Playground" style="border:0"></iframe>`);
    expect(element).toBe(`<script src="${BASE}embed.js"></script>\n<vi-playground config="#target=banana" width="640" height="480"></vi-playground>`);
    const full = embedSnippets('#target=banana', choices({ width: '100%' }), BASE);
    expect(attribute(full.iframe, 'width')).toBe('100%');
    expect(attribute(full.element, 'width')).toBeNull();
  });

  it('keeps sizes in range and resolves the pages against the site folder', () => {
    expect(clampHeight(10)).toBe(240);
    expect(clampHeight(99_999)).toBe(1600);
    expect(clampHeight(Number.NaN)).toBe(DEFAULT_CHOICES.height);
    expect(attribute(embedSnippets('', choices({ width: 5, height: 2000 }), BASE).iframe, 'width')).toBe('280');
    // A base with a page, query or hash of its own: the folder is what counts.
    const { url, element } = embedSnippets('#seed=2', DEFAULT_CHOICES, new URL('.', 'https://x.org/a/index.html?q=1#target=banana'));
    expect(url).toBe('https://x.org/a/embed.html#seed=2');
    expect(attribute(element, 'src')).toBe('https://x.org/a/embed.js');
  });
});
