import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { logBetaFn, logGamma } from '../testing/independentMath';
import { coin as coinInfo } from './coin';
import { rate as rateInfo } from './rate';
import { expectMatchesReference, logDensityAt, type Params, randomPoints, targetField } from './testkit';
import type { TargetSpec } from './types';
import { targetSpec } from './resolveSpec';

const coin = targetSpec(coinInfo);
const rate = targetSpec(rateInfo);

/** Beta(a, b) prior × Bernoulli likelihood × |dp/du|, written in p = 1/(1 + e^{−u}). */
function coinReference(u: number, c: Params): number {
  const logP = -Math.log1p(Math.exp(-u));
  const log1mP = -Math.log1p(Math.exp(u));
  const prior = (c.a - 1) * logP + (c.b - 1) * log1mP - logBetaFn(c.a, c.b);
  return prior + c.heads * logP + c.tails * log1mP + logP + log1mP;
}

/** Gamma(α₀, β₀) prior × Poisson likelihood without Π yᵢ! × |dλ/du|, written in λ = e^u. */
function rateReference(u: number, c: Params): number {
  const lambda = Math.exp(u);
  const prior = c.shape * Math.log(c.rate) - logGamma(c.shape) + (c.shape - 1) * u - c.rate * lambda;
  return prior + c.total * u - c.count * lambda + u;
}

/** Closed-form marginal likelihoods (rate: times Π yᵢ!), via the independent log Γ. */
const coinLogZ = (c: Params) => logBetaFn(c.a + c.heads, c.b + c.tails) - logBetaFn(c.a, c.b);
const rateLogZ = (c: Params) =>
  c.shape * Math.log(c.rate) - logGamma(c.shape) + logGamma(c.shape + c.total) - (c.shape + c.total) * Math.log(c.rate + c.count);

const COINS: Params[] = [
  { a: 10, b: 10, heads: 6, tails: 4 },
  { a: 1, b: 1, heads: 3, tails: 1 },
  { a: 0.5, b: 0.5, heads: 0, tails: 0 },
  { a: 20, b: 0.5, heads: 100, tails: 0 },
  { a: 0.5, b: 20, heads: 0, tails: 100 },
  { a: 2, b: 3, heads: 57, tails: 43 },
];
const RATES: Params[] = [
  { shape: 1, rate: 1, count: 3, total: 6 },
  { shape: 0.5, rate: 10, count: 100, total: 0 },
  { shape: 20, rate: 0.1, count: 1, total: 500 },
  { shape: 2.5, rate: 0.7, count: 12, total: 31 },
];

describe('constrained targets: log density in unconstrained space, Jacobian included', () => {
  it.each([
    ['coin', coin, COINS, coinReference],
    ['rate', rate, RATES, rateReference],
  ] as const)('%s matches prior × likelihood × |dθ/du| at random u', (_, target, sets, ref) => {
    const u = uniformStream(400 + target.id.length);
    for (const p of sets) expectMatchesReference(target, p, randomPoints(u, 200, target.domain(p), 1), ([v]) => ref(v, p));
  });

  it.each([
    ['coin', coin, [-7, -1, 0, 0.3, 5]],
    ['rate', rate, [-5, -0.5, 0, 1.2, 4]],
  ] as const)("%s: the constraint's log|det J| is log|dθ/du| by central differences", (_, target, us) => {
    const c = target.constraint!;
    for (const u of us) {
      const h = 1e-5;
      const slope = (c.toConstrained([u + h])[0] - c.toConstrained([u - h])[0]) / (2 * h);
      expect(c.logAbsDetJacobian([u])).toBeCloseTo(Math.log(slope), 6);
    }
  });
});

describe('constrained targets: log Z is the marginal likelihood', () => {
  it.each([
    ...COINS.map((p) => ['coin', coin, p, coinLogZ(p)] as const),
    ...RATES.map((p) => ['rate', rate, p, rateLogZ(p)] as const),
  ])('%s %o: exact and grid log Z equal the closed form; nothing on the edge', (_, target, p, want) => {
    const f = targetField(target, p);
    expect(Math.abs(target.exact!(p).logZ! - want)).toBeLessThan(1e-10 * Math.max(1, Math.abs(want)));
    expect(Math.abs(f.logZ - want)).toBeLessThan(2e-6 * Math.max(1, Math.abs(want)));
    expect(f.edgeMass).toBeLessThan(1e-5);
    // exact moments of u (digamma/trigamma) against the grid's
    const exact = target.exact!(p);
    expect(Math.abs(f.mean[0] - exact.mean![0])).toBeLessThan(1e-4 * Math.sqrt(exact.cov![0][0]));
    expect(Math.abs(f.cov[0][0] / exact.cov![0][0] - 1)).toBeLessThan(1e-4);
  });
});

/** Push q-space density to the model's space: p_θ(g(u)) = p_u(u)/|g′(u)|, midpoint rule over θ. */
function pushForward(target: TargetSpec, p: Params, thetas: number[], toU: (t: number) => number): number[] {
  const us = Float32Array.from(thetas, toU);
  const logp = logDensityAt(target, us, p);
  const logZ = target.exact!(p).logZ!;
  return thetas.map((_, i) => Math.exp(logp[i] - logZ - target.constraint!.logAbsDetJacobian([us[i]])));
}

describe("public check 4 (Pyro's conjugate tests), in the model's space", () => {
  it('Beta(1, 1) + Bernoulli (0, 1, 1, 1) → Beta(4, 2), log Z = log B(4, 2) = −2.995732', () => {
    const p = { a: 1, b: 1, heads: 3, tails: 1 };
    expect(coin.exact!(p).logZ!).toBeCloseTo(-2.995732, 6);
    expect(targetField(coin, p).logZ).toBeCloseTo(-2.995732, 5);
    const n = 4000;
    const ps = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const density = pushForward(coin, p, ps, (q) => Math.log(q / (1 - q)));
    // ∫₀¹ = 1 over the constraint's own box, and pointwise the Beta(4, 2) pdf 20p³(1 − p)
    expect(coin.constraint!.domain(p).x).toEqual([0, 1]);
    expect(density.reduce((s, v) => s + v, 0) / n).toBeCloseTo(1, 5);
    for (const [i, q] of ps.entries()) {
      expect(Math.abs(density[i] - 20 * q ** 3 * (1 - q))).toBeLessThan(2e-4 * Math.max(1e-3, density[i]));
    }
    // the constrained mean 4/6 is not σ(E[u]) = σ(ψ(4) − ψ(2)) ≈ 0.697: the caveat's point
    const mean = density.reduce((s, v, i) => s + v * ps[i], 0) / n;
    expect(mean).toBeCloseTo(4 / 6, 5);
    expect(1 / (1 + Math.exp(-coin.exact!(p).mean![0]))).toBeCloseTo(0.697, 3);
  });

  it('Gamma(1, 1) + Poisson (1, 2, 3) → Gamma(7, 4); log Z = log 6! − 7 log 4, i.e. log p(y) + log 12', () => {
    const p = { shape: 1, rate: 1, count: 3, total: 6 };
    const logZ = rate.exact!(p).logZ!;
    expect(logZ).toBeCloseTo(Math.log(720) - 7 * Math.log(4), 12);
    expect(logZ).toBeCloseTo(-3.124809, 6);
    expect(logZ - Math.log(12)).toBeCloseTo(-5.609716, 6); // the marginal likelihood p(y) itself
    expect(targetField(rate, p).logZ).toBeCloseTo(logZ, 5);
    const top = rate.constraint!.domain(p).x[1];
    const n = 20000;
    const h = top / n;
    const lambdas = Array.from({ length: n }, (_, i) => (i + 0.5) * h);
    const density = pushForward(rate, p, lambdas, Math.log);
    expect(density.reduce((s, v) => s + v, 0) * h).toBeCloseTo(1, 5);
    const gammaPdf = (l: number) => Math.exp(7 * Math.log(4) - logGamma(7) + 6 * Math.log(l) - 4 * l);
    for (const [i, l] of lambdas.entries()) {
      expect(Math.abs(density[i] - gammaPdf(l))).toBeLessThan(2e-4 * Math.max(1e-3, gammaPdf(l)));
    }
    const mean = density.reduce((s, v, i) => s + v * lambdas[i], 0) * h;
    expect(mean).toBeCloseTo(7 / 4, 4);
    expect(Math.exp(rate.exact!(p).mean![0])).toBeCloseTo(1.627, 3); // e^{E[u]} ≠ E[λ]
  });
});
