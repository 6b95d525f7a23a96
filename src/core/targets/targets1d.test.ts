import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { logGamma, logNormalCdf, logSimpson, normalInterval, normalLogPdf } from '../testing/independentMath';
import { tf } from '../tf';
import { gaussian1d as gaussian1dInfo } from './gaussian1d';
import { skewNormal1d as skewNormal1dInfo } from './skewNormal1d';
import { studentT1d as studentT1dInfo } from './studentT1d';
import { expectMatchesReference, type Params, randomPoints, targetField } from './testkit';
import { targetSpec } from './resolveSpec';

const gaussian1d = targetSpec(gaussian1dInfo);
const skewNormal1d = targetSpec(skewNormal1dInfo);
const studentT1d = targetSpec(studentT1dInfo);

/** Textbook Student-t density, location 0, scale 1. */
const studentT = (x: number, nu: number) =>
  logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - ((nu + 1) / 2) * Math.log(1 + (x * x) / nu);

/** Azzalini's skew-normal 2φ(x)Φ(αx), with log Φ by Mills' ratio (not the erfc fit core uses). */
const skewNormal = (x: number, alpha: number) => Math.LN2 + normalLogPdf(x, 0, 1) + logNormalCdf(alpha * x);

describe('gaussian-1d', () => {
  it('log density is log N(x; m, s²) at random points and parameters', () => {
    const u = uniformStream(101);
    for (let k = 0; k < 8; k++) {
      const p = { mean: -2 + 4 * u(), sd: 0.2 + 1.8 * u() };
      expectMatchesReference(gaussian1d, p, randomPoints(u, 200, gaussian1d.domain(p), 1), ([x]) => normalLogPdf(x, p.mean, p.sd));
    }
  });

  it.each([
    { mean: 1, sd: 1 },
    { mean: -2, sd: 2 },
    { mean: 2, sd: 0.2 },
  ])('grid log Z is the log mass inside [−10, 10] and the grid moments are exact, for $mean, $sd', (p) => {
    const f = targetField(gaussian1d, p);
    expect(Math.abs(f.logZ - Math.log(normalInterval(-10, 10, p.mean, p.sd)))).toBeLessThan(1e-7);
    expect(f.edgeMass).toBeLessThan(1e-4);
    const exact = gaussian1d.exact!(p);
    expect(exact.logZ).toBe(0);
    // at m = −2, s = 2 the 3e-5 of mass beyond −10 shifts the truncated mean by 3e-4
    expect(f.mean[0]).toBeCloseTo(exact.mean![0], 3);
    expect(f.cov[0][0]).toBeCloseTo(exact.cov![0][0], 2);
  });
});

describe('student-t-1d', () => {
  it('log density matches the textbook t density (independent log Γ) at random points and ν', () => {
    const u = uniformStream(102);
    for (const nu of [1, 2, 3, 7.5, 30, 1 + 29 * u(), 1 + 29 * u()]) {
      expectMatchesReference(studentT1d, { nu }, randomPoints(u, 200, studentT1d.domain({ nu }), 1), ([x]) => studentT(x, nu));
    }
  });

  it.each([
    // closed forms for the mass in [−20, 20]: ν = 1 (Cauchy) (2/π) atan 20; ν = 2, 20/√(2 + 400)
    { nu: 1, mass: (2 / Math.PI) * Math.atan(20) },
    { nu: 2, mass: 20 / Math.sqrt(402) },
    { nu: 3, mass: Math.exp(logSimpson((x) => studentT(x, 3), -20, 20, 20000)) },
    { nu: 30, mass: Math.exp(logSimpson((x) => studentT(x, 30), -20, 20, 20000)) },
  ])('grid log Z is the log mass inside the plot for ν = $nu (the caveat’s numbers)', ({ nu, mass }) => {
    const f = targetField(studentT1d, { nu });
    expect(Math.abs(f.logZ - Math.log(mass))).toBeLessThan(2e-6);
    if (nu === 1) expect(1 - mass).toBeCloseTo(0.032, 3);
    if (nu === 2) expect(1 - mass).toBeCloseTo(0.0025, 4);
    if (nu >= 3) expect(1 - mass).toBeLessThan(3e-4);
    // the Cauchy's tails put 0.13 % of the mass on the outer 2 % bands, so the UI warns, as it should
    expect(f.edgeMass).toBeLessThan(nu === 1 ? 2e-3 : 1e-3);
  });

  it('states a mean only for ν > 1 and a variance ν/(ν − 2) only for ν > 2, which the grid confirms', () => {
    expect(studentT1d.exact!({ nu: 1 })).toEqual({ logZ: 0 });
    expect(studentT1d.exact!({ nu: 2 })).toEqual({ logZ: 0, mean: [0] });
    const exact = studentT1d.exact!({ nu: 30 });
    expect(exact.cov![0][0]).toBeCloseTo(30 / 28, 12);
    const f = targetField(studentT1d, { nu: 30 });
    expect(f.cov[0][0]).toBeCloseTo(30 / 28, 4);
  });
});

describe('skew-normal-1d', () => {
  it('log density matches 2φ(x)Φ(αx) at random points and α, including deep in the Φ tail', () => {
    const u = uniformStream(103);
    for (const alpha of [0, 4, -10, 10, -20 * u() + 10, -20 * u() + 10]) {
      const p = { alpha };
      expectMatchesReference(skewNormal1d, p, randomPoints(u, 200, skewNormal1d.domain(p), 1), ([x]) => skewNormal(x, alpha));
    }
  });

  it('its gradient is finite and right where Φ(αx) underflows float32 (αx down to −50)', () => {
    const alpha = 10;
    const xs = [-5, -3, -1.3, -0.2, 0, 0.4, 2, 5];
    const g = tf.tidy(() => {
      const f = (t: tf.Tensor) => tf.sum(skewNormal1d.logDensity(tf, t as tf.Tensor2D, { alpha }));
      return tf.grad(f)(tf.tensor2d(xs, [xs.length, 1])).dataSync();
    });
    xs.forEach((x, i) => {
      // d/dx log p = −x + α φ(αx)/Φ(αx)
      const want = -x + alpha * Math.exp(normalLogPdf(alpha * x, 0, 1) - logNormalCdf(alpha * x));
      expect(Math.abs(g[i] - want), `at ${x}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    });
  });

  it.each([{ alpha: 4 }, { alpha: -10 }, { alpha: 0 }])(
    'is normalised: grid log Z ≈ 0 on [−6, 6], and the grid moments match δ√(2/π) and 1 − 2δ²/π, for α = $alpha',
    (p: Params) => {
      const f = targetField(skewNormal1d, p);
      expect(Math.abs(f.logZ)).toBeLessThan(2e-6);
      expect(f.edgeMass).toBeLessThan(1e-5);
      const exact = skewNormal1d.exact!(p);
      expect(f.mean[0]).toBeCloseTo(exact.mean![0], 5);
      expect(f.cov[0][0]).toBeCloseTo(exact.cov![0][0], 5);
    },
  );
});
