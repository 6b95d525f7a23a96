import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { defaultSession } from '../core/session';
import { formatHash, parseHash } from './url';

describe('parseHash', () => {
  it('reports #__proto__=1 like any unknown setting', () => {
    expect(parseHash('#__proto__=1').problems).toEqual(['ignored unknown setting "__proto__".']);
    expect(parseHash('#constructor=1&toString=2').problems).toEqual(['2 unknown settings ignored: "constructor", "toString".']);
  });

  it('turns 100,000 unknown keys and bad %-encodings into two short notices', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => `k${i}=1&bad${i}=%E0%A4%A`).join('&');
    const { problems, session } = parseHash(`#${junk}&seed=7`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('could not read 100000 parts of the link (bad %-encoding), e.g. "bad0=%E0%A4%A"; ignored them.');
    expect(problems[1]).toMatch(/^100000 unknown settings ignored: "k0", "k1", .*, …\.$/);
    expect(problems.join('').length).toBeLessThan(500);
    expect(session.seed).toBe(7);
  });

  it('an empty formula falls back to the default target, and the notice names it', () => {
    const { session, problems } = parseHash('#target=formula&formula=');
    expect(session.target.id).toBe(defaultConfig().target.id);
    expect(problems).toEqual(['formula "": the formula is empty: type a log density such as -(x^2 + y^2)/2; using the default target, Correlated Gaussian.']);
  });

  it('a "+" in a value is a space, so target.rho=+ is refused, not read as 0', () => {
    expect(parseHash('#target.rho=+').errors).toEqual(['target.rho must be a plain decimal number (got " ")']);
    expect(parseHash('#target.rho=%2B0.5').session.target.params.rho).toBe(0.5);
  });

  it('cuts long echoed values', () => {
    const [message] = parseHash(`#autoplay=${'y'.repeat(1000)}`).problems;
    expect(message).toBe(`autoplay must be 1 or 0 (got "${'y'.repeat(40)}…"); not starting by itself.`);
  });

  it('round-trips the default session', () => {
    const hash = formatHash(defaultSession(), { autoplay: true });
    expect(parseHash(hash).problems).toEqual([]);
    expect(parseHash(hash).view).toEqual({ autoplay: true });
    expect(formatHash(parseHash(hash).session, { autoplay: true })).toBe(hash);
  });
});
