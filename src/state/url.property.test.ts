// Property tests of the link reader (parseHash → resolveFlat): 10,000 generated links each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../core/config';
import { MAX_CALL_MS, MAX_MESSAGE_CHARS, flatRecord, timed, validConfig } from '../core/testing/fuzzInputs';
import { type ParsedHash, formatHash, parseHash } from './url';

const RUNS = { numRuns: 10_000 };

/** The invariants every link must meet, whatever it holds. */
function checkParsed(r: ParsedHash): void {
  expect(parseRunConfig(r.config)).toEqual(r.config);
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

  it('link → config → link is the identity for valid configs', () => {
    let worst = 0;
    fc.assert(
      fc.property(validConfig, fc.boolean(), (config, autoplay) => {
        const hash = formatHash(config, { autoplay });
        const { value: parsed, ms } = timed(() => parseHash(hash));
        worst = Math.max(worst, ms);
        expect(parsed.problems).toEqual([]);
        expect(parsed.options.autoplay).toBe(autoplay);
        expect(formatHash(parsed.config, parsed.options)).toBe(hash);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });
});
