import { describe, expect, it } from 'vitest';
import { formatValue } from '../format';
import { gapDomain, gapSplit } from './gapSplit';

const read = (s: string) => Number(s.replace(/−/g, '-'));
/** Half a unit in the last shown digit of a 4-significant-digit number. */
const halfUlp = (v: number) => (v === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - 3));

describe('the log Z bar', () => {
  it.each([
    [-2.7563, 0.4521, 'quadrature'],
    [0, 3.2, 'quadrature'],
    [12.345, 0.0012, 'elbo-gap'],
    [-50.1, 120.7, 'elbo-gap'],
  ] as const)('its three labelled numbers add up (log Z %f, KL %f)', (logZ, kl, method) => {
    const split = gapSplit({ logZ, klQP: kl, klMethod: method, elbo: logZ - kl + 0.01, elboStdErr: 0.02 });
    expect(split).not.toBeNull();
    if (!split) return;
    const [z, e, k] = [split.logZ, split.elbo, split.kl].map((v) => read(formatValue(v)));
    expect(Math.abs(z - (e + k))).toBeLessThanOrEqual(halfUlp(z) + halfUlp(e) + halfUlp(k) + 1e-12);
    expect(split.elbo).toBeLessThanOrEqual(split.logZ);
  });
  it('draws a tiny negative quadrature KL as no gap', () => {
    expect(gapSplit({ logZ: 1, klQP: -1e-6, klMethod: 'quadrature', elbo: 1, elboStdErr: 0 })?.kl).toBe(0);
  });
  it('has no split without a KL', () => {
    expect(gapSplit({ logZ: 1, klQP: null, klMethod: 'unavailable', elbo: null, elboStdErr: null })).toBeNull();
  });
  it('holds its axis at the largest gap seen, so the gap visibly shrinks', () => {
    const split = gapSplit({ logZ: -2, klQP: 0.5, klMethod: 'quadrature', elbo: -2.5, elboStdErr: 0 });
    if (!split) throw new Error('no split');
    const [lo, hi] = gapDomain(split, 4);
    expect(lo).toBeLessThan(-2 - 4);
    expect(hi).toBeGreaterThan(-2);
    // Without a larger gap seen, at least 1 nat is shown.
    expect(gapDomain(split, 0)[0]).toBeCloseTo(-2 - 1.15, 10);
  });
});
