// Property tests of the link reader (parseHash → resolveSession): 10,000 generated links each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LR, SAMPLES, SEED } from '../core/config';
import { parseSession } from '../core/session';
import { MAX_CALL_MS, MAX_MESSAGE_CHARS, PROTOTYPE_NAMES, flatRecord, numberish, timed, validSession } from '../core/testing/fuzzInputs';
import { HIDE_PARTS } from './embed/embedApi';
import { LANGS } from '../words/lang';
import { THEME_CHOICES } from './store';
import { type ParsedHash, formatHash, parseHash } from './url';
import { lessons } from '../core/lessons/registry';

const RUNS = { numRuns: 10_000 };

/** The invariants every link must meet, whatever it holds. */
function checkParsed(r: ParsedHash): void {
  expect(parseSession(r.session)).toEqual(r.session);
  for (const m of [...r.problems, ...r.errors]) {
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  }
  // A bounded number of notices, whatever the link's size: one per known key at most, plus groups.
  expect(r.problems.length).toBeLessThanOrEqual(30);
}

/** Link text from entries: values %-encoded, or left raw (then "%" and "+" mean what they mean in a URL). */
const hashOf = fc
  .tuple(flatRecord, fc.boolean())
  .map(([entries, encode]) => `#${entries.map(([k, v]) => `${encode ? encodeURIComponent(k) : k}=${encode ? encodeURIComponent(v) : v}`).join('&')}`);

describe('parseHash: property tests', () => {
  it('structured links (known keys, mutated values): no throw, bounded time, a valid config, clear messages', () => {
    let worst = 0;
    fc.assert(
      fc.property(hashOf, (hash) => {
        const { value, ms } = timed(() => parseHash(hash));
        worst = Math.max(worst, ms);
        checkParsed(value);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });

  it('raw strings of any characters: no throw, bounded time, a valid config, clear messages', () => {
    let worst = 0;
    const raw = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom('=', '&', '%', '+', '#', '.', 'e', '1', 'x', '_'), maxLength: 40 }));
    fc.assert(
      fc.property(raw, (hash) => {
        const { value, ms } = timed(() => parseHash(hash));
        worst = Math.max(worst, ms);
        checkParsed(value);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });

  it('link → session → link is the identity for valid sessions of 1 to 4 runs', () => {
    let worst = 0;
    fc.assert(
      fc.property(validSession, fc.boolean(), fc.subarray([...HIDE_PARTS]), fc.constantFrom(null, 'https://course.example.org', 'http://127.0.0.1:8080'), fc.constantFrom(...THEME_CHOICES), fc.constantFrom(null, ...LANGS), fc.constantFrom(null, ...lessons.map((l) => l.id)), (session, autoplay, hide, origin, theme, lang, lesson) => {
        const hash = formatHash(session, { autoplay, hide, origin, theme, lang, lesson });
        const { value: parsed, ms } = timed(() => parseHash(hash));
        worst = Math.max(worst, ms);
        expect(parsed.problems).toEqual([]);
        expect(parsed.view).toEqual({ autoplay, hide, origin, theme, lang, lesson });
        expect(parsed.session).toEqual(session);
        expect(formatHash(parsed.session, parsed.view)).toBe(hash);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });

  it('a number is taken exactly when it is a plain decimal in range (an oracle written from the docs)', () => {
    // docs/link-format.md: optional sign, digits with an optional fraction, optional exponent.
    const grammar = /^[+\-\u2212]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
    const specs = [LR, SAMPLES, SEED];
    fc.assert(
      fc.property(fc.constantFrom(...specs), numberish, (spec, raw) => {
        // A comma list ("1,5") of a per-run key is one value per run: sessionFlat.test.ts reads those.
        fc.pre(spec === SEED || !raw.includes(','));
        const v = Number(raw.replace('\u2212', '-'));
        const mantissa = raw.split(/[eE]/)[0];
        const ok = grammar.test(raw) && !(v === 0 && /[1-9]/.test(mantissa)) && v >= spec.min && v <= spec.max && (!spec.integer || Number.isInteger(v));
        const r = parseHash(`#${spec.name}=${encodeURIComponent(raw)}`);
        expect(r.errors.length === 0).toBe(ok);
        const read = spec.name === 'seed' ? r.session.seed : r.session.runs[0][spec.name as 'lr' | 'samples'];
        if (ok) expect(read).toBe(v === 0 ? 0 : v);
      }),
      RUNS,
    );
  });

  it('every unknown key is reported, prototype names included, in one notice', () => {
    const unknownKey = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x_${k}`));
    fc.assert(
      fc.property(fc.uniqueArray(unknownKey, { minLength: 1, maxLength: 50 }), (keys) => {
        const r = parseHash(`#${keys.map((k) => `${encodeURIComponent(k)}=1`).join('&')}`);
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]).toContain(keys.length === 1 ? 'ignored unknown setting' : `${keys.length} unknown settings ignored`);
      }),
      RUNS,
    );
  });
});
