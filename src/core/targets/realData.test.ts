import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { logSimpson, logSimpson2d, normalLogPdf } from '../testing/independentMath';
import { challenger as challengerInfo } from './challenger';
import { eightSchools as eightSchoolsInfo } from './eightSchools';
import { expectMatchesReference, logDensityAt, type Params, randomPoints, targetField } from './testkit';
import { targetSpec } from './resolveSpec';

const challenger = targetSpec(challengerInfo);
const eightSchools = targetSpec(eightSchoolsInfo);

const Y = [28, 8, -3, 7, -1, 1, 18, 12];
const SIGMA = [15, 10, 16, 11, 9, 11, 10, 18];

/** log N(μ; 0, 5²) + log HalfCauchy(τ; 5) + log τ + Σⱼ log N(yⱼ; μ, σⱼ² + τ²), τ = e^s. */
function schoolsReference(mu: number, s: number): number {
  const tau = Math.exp(s);
  let lp = normalLogPdf(mu, 0, 5) + Math.log(2 / (Math.PI * 5 * (1 + (tau / 5) ** 2))) + s;
  for (let j = 0; j < 8; j++) lp += normalLogPdf(Y[j], mu, Math.sqrt(SIGMA[j] ** 2 + tau ** 2));
  return lp;
}

/**
 * log p(y) over all of ℝ² by another route: for fixed τ the μ-integral is Gaussian,
 * ∫ N(μ; 0, 25) Πⱼ N(yⱼ; μ, Vⱼ) dμ = √(2π/P) e^{b²/(2P) − Σyⱼ²/(2Vⱼ)} / (√(2π·25) Πⱼ √(2πVⱼ)),
 * with P = 1/25 + Σ 1/Vⱼ, b = Σ yⱼ/Vⱼ; what is left is a 1D Simpson rule over s = log τ.
 */
function schoolsLogZ(): number {
  return logSimpson(
    (s) => {
      const tau = Math.exp(s);
      const V = SIGMA.map((sd) => sd * sd + tau * tau);
      const P = 1 / 25 + V.reduce((a, v) => a + 1 / v, 0);
      const b = Y.reduce((a, y, j) => a + y / V[j], 0);
      const yy = Y.reduce((a, y, j) => a + (y * y) / V[j], 0);
      const logNorm = -0.5 * Math.log(2 * Math.PI * 25) - 0.5 * V.reduce((a, v) => a + Math.log(2 * Math.PI * v), 0);
      const logM = logNorm + 0.5 * Math.log((2 * Math.PI) / P) + (0.5 * b * b) / P - 0.5 * yy;
      return Math.log(2 / (Math.PI * 5 * (1 + (tau / 5) ** 2))) + s + logM;
    },
    -40,
    15,
    20000,
  );
}

/** The 23 launches, standardised with the sample sd, and a plain Bernoulli-logit likelihood. */
const TEMP = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58];
const DAMAGE = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];
const tBar = TEMP.reduce((a, t) => a + t, 0) / 23;
const tSd = Math.sqrt(TEMP.reduce((a, t) => a + (t - tBar) ** 2, 0) / 22);
function challengerReference(b0: number, b1: number, p: Params): number {
  let lp = normalLogPdf(b0, 0, p.priorSd) + normalLogPdf(b1, 0, p.priorSd);
  for (let i = 0; i < 23; i++) {
    const prob = 1 / (1 + Math.exp(-(b0 + (b1 * (TEMP[i] - tBar)) / tSd)));
    lp += DAMAGE[i] ? Math.log(prob) : Math.log(1 - prob);
  }
  return lp;
}

describe('eight-schools', () => {
  it('log density matches the docs/targets.md model with the log τ Jacobian, inside and far outside the plot', () => {
    const u = uniformStream(501);
    const ref = ([mu, s]: number[]) => schoolsReference(mu, s);
    expectMatchesReference(eightSchools, {}, randomPoints(u, 500, eightSchools.domain({}), 2), ref);
    expectMatchesReference(eightSchools, {}, randomPoints(u, 200, { x: [-60, 60], y: [-30, 30] }, 2), ref);
  });

  it('grid log Z matches a fine 2D Simpson rule on the box, and the ℝ² value from the μ-integrated route', () => {
    const f = targetField(eightSchools, {});
    const box = logSimpson2d(schoolsReference, [-12, 20], [-8, 5], 800);
    const whole = schoolsLogZ();
    expect(Math.abs(f.logZ - box)).toBeLessThan(1e-5);
    // what lies outside the box (mostly log τ < −8) costs about 1e-4
    expect(whole - f.logZ).toBeGreaterThan(0);
    expect(whole - f.logZ).toBeLessThan(2e-4);
    expect(f.edgeMass).toBeLessThan(1e-5);
  });

  it('in (μ, τ) space the density p(μ, log τ)/τ integrates to ≈ 1 over the constraint box', () => {
    const c = eightSchools.constraint!;
    const [m0, m1] = c.domain({}).x;
    const [t0, t1] = c.domain({}).y!;
    const n = 250;
    const pts = new Float32Array(2 * n * n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        pts[2 * (j * n + i)] = m0 + ((i + 0.5) * (m1 - m0)) / n;
        pts[2 * (j * n + i) + 1] = Math.log(t0 + ((j + 0.5) * (t1 - t0)) / n);
      }
    }
    const logp = logDensityAt(eightSchools, pts, {});
    const logZ = schoolsLogZ();
    let mass = 0;
    for (let k = 0; k < n * n; k++) mass += Math.exp(logp[k] - logZ - c.logAbsDetJacobian([pts[2 * k], pts[2 * k + 1]]));
    expect(c.toConstrained([1.5, 0.7])).toEqual([1.5, Math.exp(0.7)]);
    mass *= ((m1 - m0) * (t1 - t0)) / (n * n);
    expect(mass).toBeGreaterThan(0.99);
    expect(mass).toBeLessThan(1.001);
  });
});

describe('challenger', () => {
  it('log density matches a Bernoulli-logit likelihood with Gaussian priors at random points and prior sds', () => {
    const u = uniformStream(502);
    for (const priorSd of [0.5, 2.5, 10, 0.5 + 9.5 * u()]) {
      const p = { priorSd };
      expectMatchesReference(challenger, p, randomPoints(u, 300, challenger.domain(p), 2), ([a, b]) => challengerReference(a, b, p));
    }
  });

  it.each([{ priorSd: 0.5 }, { priorSd: 2.5 }, { priorSd: 10 }])(
    'grid log Z matches a fine 2D Simpson rule, on the box and on a much wider one, for s = $priorSd',
    (p) => {
      const ref = (a: number, b: number) => challengerReference(a, b, p);
      const f = targetField(challenger, p);
      expect(Math.abs(f.logZ - logSimpson2d(ref, [-7, 3], [-9, 2], 500))).toBeLessThan(1e-5);
      expect(Math.abs(f.logZ - logSimpson2d(ref, [-14, 12], [-16, 12], 600))).toBeLessThan(1e-5);
      expect(f.edgeMass).toBeLessThan(1e-6);
    },
  );

  it('names its data source and the standardisation it uses', () => {
    expect(challenger.source).toMatch(/Dalal/);
    expect(challenger.caveat).toContain(tBar.toFixed(2));
    expect(challenger.caveat).toContain(tSd.toFixed(2));
    expect(eightSchools.source).toMatch(/Rubin/);
  });
});
