import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { logBetaFn, logGamma } from '../testing/independentMath';
import { digamma, lgamma, logBeta, logSigmoid, trigamma } from './special';

const EULER_GAMMA = 0.5772156649015329;

describe('lgamma (Lanczos)', () => {
  it('hits textbook values: Γ(½) = √π, Γ(n) = (n − 1)!, Γ(3/2) = √π/2', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lgamma(1.5)).toBeCloseTo(0.5 * Math.log(Math.PI) - Math.LN2, 13);
    let fact = 1;
    for (let n = 1; n <= 20; n++) {
      expect(Math.abs(lgamma(n) - Math.log(fact))).toBeLessThan(1e-12 * Math.max(1, Math.log(fact)));
      fact *= n;
    }
  });

  it('agrees with an independent Stirling-series log Γ from 1e-3 to 1e4', () => {
    const u = uniformStream(3);
    for (let i = 0; i < 2000; i++) {
      const x = 10 ** (-3 + 7 * u());
      const want = logGamma(x);
      expect(Math.abs(lgamma(x) - want), `x = ${x}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it('logBeta matches log B(4, 2) = log(1/20) (Pyro check 4) and the independent formula', () => {
    expect(logBeta(4, 2)).toBeCloseTo(Math.log(0.05), 13);
    expect(logBeta(4, 2)).toBeCloseTo(-2.995732, 6);
    const u = uniformStream(4);
    for (let i = 0; i < 500; i++) {
      const a = 0.1 + 200 * u();
      const b = 0.1 + 200 * u();
      expect(Math.abs(logBeta(a, b) - logBetaFn(a, b))).toBeLessThan(1e-10 * Math.max(1, Math.abs(logBetaFn(a, b))));
    }
  });
});

describe('digamma and trigamma', () => {
  it('hit textbook values: ψ(1) = −γ, ψ(½) = −γ − 2 log 2, ψ₁(1) = π²/6, ψ₁(½) = π²/2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 12);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 12);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 12);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
    expect(digamma(0)).toBeNaN();
    expect(trigamma(-1)).toBeNaN();
  });

  it('are the first and second derivatives of the independent log Γ (central differences)', () => {
    const u = uniformStream(5);
    for (let i = 0; i < 300; i++) {
      const x = 10 ** (-1 + 3 * u());
      const h = 1e-4 * x;
      const d1 = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
      const d2 = (logGamma(x + h) - 2 * logGamma(x) + logGamma(x - h)) / (h * h);
      expect(Math.abs(digamma(x) - d1), `ψ(${x})`).toBeLessThan(1e-7 * Math.max(1, Math.abs(d1)));
      expect(Math.abs(trigamma(x) - d2), `ψ₁(${x})`).toBeLessThan(2e-4 * Math.max(1, Math.abs(d2)));
    }
  });

  it('satisfy the recurrences ψ(x + 1) = ψ(x) + 1/x and ψ₁(x + 1) = ψ₁(x) − 1/x² across the series switch', () => {
    for (const x of [0.3, 2.7, 9.5, 9.999, 10, 10.5, 40]) {
      expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 12);
      expect(trigamma(x + 1)).toBeCloseTo(trigamma(x) - 1 / (x * x), 12);
    }
  });
});

describe('logSigmoid', () => {
  it('equals log(1/(1 + e^{−u})) and stays finite and exact in both tails', () => {
    for (const u of [-30, -3, -0.2, 0, 0.7, 4, 30]) expect(logSigmoid(u)).toBeCloseTo(Math.log(1 / (1 + Math.exp(-u))), 12);
    expect(logSigmoid(-800)).toBe(-800);
    expect(logSigmoid(800)).toBe(-0);
  });
});
