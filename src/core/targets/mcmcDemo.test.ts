import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import { uniformStream } from '../random';
import { bivariateLogPdf, logSimpson, normalInterval, normalLogPdf, simpson } from '../testing/independentMath';
import { donut as donutInfo } from './donut';
import { funnel as funnelInfo } from './funnel';
import { multimodal as multimodalInfo } from './multimodal';
import { rosenbrock as rosenbrockInfo } from './rosenbrock';
import { squiggle as squiggleInfo } from './squiggle';
import { expectMatchesReference, logDensityAt, randomPoints, targetField } from './testkit';
import type { TargetSpec } from './types';
import { targetSpec } from './resolveSpec';

const donut = targetSpec(donutInfo);
const funnel = targetSpec(funnelInfo);
const multimodal = targetSpec(multimodalInfo);
const rosenbrock = targetSpec(rosenbrockInfo);
const squiggle = targetSpec(squiggleInfo);

/** The formulas of docs/targets.md (the MCMC demo set, Rosenbrock), written out again in float64. */
const MIX = [
  { m: [-1.5, -1.5], v: 0.8 },
  { m: [1.5, 1.5], v: 0.8 },
  { m: [-2, 2], v: 0.5 },
];
const SQUIGGLE_COV = [
  [2, 0.25],
  [0.25, 0.5],
];
const reference: Record<string, (t: number[]) => number> = {
  donut: ([x, y]) => -((Math.hypot(x, y) - 2.6) ** 2) / 0.033,
  multimodal: (t) =>
    Math.log(MIX.reduce((s, c) => s + Math.exp(bivariateLogPdf(t, c.m, [[c.v, 0], [0, c.v]])), 0)),
  funnel: ([x, y]) => normalLogPdf(y - 2, 0, 3) + normalLogPdf(x, 0, Math.exp((y - 2) / 2)),
  squiggle: ([x, y]) => bivariateLogPdf([x, y + Math.sin(5 * x)], [0, 0], SQUIGGLE_COV),
  rosenbrock: ([x, y]) => -(100 * (y - x * x) ** 2 + (1 - x) ** 2) / 20,
};

/** Exact mass of each target inside its plot box, by a route that shares nothing with the grid. */
const boxMass = {
  // all of the donut is inside: polar coordinates, ∫₀⁶ 2πr p̃(r) dr
  donut: () => Math.exp(logSimpson((r) => Math.log(2 * Math.PI * Math.max(r, 1e-300)) - (r - 2.6) ** 2 / 0.033, 0, 6, 20000)),
  multimodal: () => MIX.reduce((s, c) => s + normalInterval(-6, 6, c.m[0], Math.sqrt(c.v)) * normalInterval(-6, 6, c.m[1], Math.sqrt(c.v)), 0),
  // ∫ N(v; 0, 9) P(|x| < 6 | v) dy over y ∈ [−6, 6], v = y − 2
  funnel: () => simpson((y) => Math.exp(normalLogPdf(y - 2, 0, 3)) * normalInterval(-6, 6, 0, Math.exp((y - 2) / 2)), -6, 6, 4000),
  // y | x ~ N(x/8 − sin 5x, .5 − .25²/2)
  squiggle: () =>
    simpson(
      (x) => Math.exp(normalLogPdf(x, 0, Math.SQRT2)) * normalInterval(-6, 6, x / 8 - Math.sin(5 * x), Math.sqrt(0.5 - 0.03125)),
      -6,
      6,
      4000,
    ),
  // y | x ~ N(x², 1/10) with ∫ e^{−5(y−x²)²} dy = √(π/5)
  rosenbrock: () =>
    simpson((x) => Math.exp(-((1 - x) ** 2) / 20) * Math.sqrt(Math.PI / 5) * normalInterval(-2, 50, x * x, Math.sqrt(0.1)), -6, 8, 20000),
};

const cases: [TargetSpec, () => number][] = [
  [donut, boxMass.donut],
  [multimodal, boxMass.multimodal],
  [funnel, boxMass.funnel],
  [squiggle, boxMass.squiggle],
  [rosenbrock, boxMass.rosenbrock],
];

describe('mcmc-demo targets: log density', () => {
  it.each(cases.map(([t]) => [t.id, t] as const))('%s matches the docs/targets.md formula at random points', (_, target) => {
    const u = uniformStream(200 + target.id.length);
    const d = target.domain({});
    const wide = { x: [2 * d.x[0], 2 * d.x[1]], y: [2 * d.y![0], 2 * d.y![1]] } as const;
    expectMatchesReference(target, {}, randomPoints(u, 500, d, 2), reference[target.id]);
    // also outside the plot, where q's samples can wander early in a run
    expectMatchesReference(target, {}, randomPoints(u, 100, wide, 2), reference[target.id]);
  });
});

describe('mcmc-demo targets: log Z on the plot', () => {
  it.each(cases.map(([t, m]) => [t.id, t, m] as const))('%s: grid log Z is the log of the mass inside the box', (id, target, mass) => {
    const f = targetField(target, {});
    const want = Math.log(mass());
    // the funnel's neck is narrower than the grid spacing near y = −6: see the next test
    expect(Math.abs(f.logZ - want), `${id}: ${f.logZ} vs ${want}`).toBeLessThan(id === 'funnel' ? 0.01 : 1e-4);
  });

  it('funnel: the 0.006 gap is the grid resolution (481² points close it), and ≈ 12 % lies outside', () => {
    const want = Math.log(boxMass.funnel());
    const fine = makeGrid(funnel.domain({}), 2, 481);
    const { logZ } = quadratureLogZ(logDensityAt(funnel, fine.points, {}), fine);
    expect(Math.abs(logZ - want)).toBeLessThan(1e-4);
    expect(Math.abs(targetField(funnel, {}).logZ - want)).toBeGreaterThan(0.004);
    expect(1 - Math.exp(want)).toBeGreaterThan(0.11);
    expect(1 - Math.exp(want)).toBeLessThan(0.13);
  });

  it('rosenbrock: ≈ 4 % lies outside the plot, and the exact log Z over ℝ² is log 2π', () => {
    const inside = boxMass.rosenbrock() / (2 * Math.PI);
    expect(1 - inside).toBeGreaterThan(0.035);
    expect(1 - inside).toBeLessThan(0.045);
    // ∫ e^{−(1−x)²/20} √(π/5) dx over a range holding all but e^{−90} of x
    const all = logSimpson((x) => -((1 - x) ** 2) / 20 + 0.5 * Math.log(Math.PI / 5), -59, 61, 20000);
    expect(rosenbrock.exact!({}).logZ).toBeCloseTo(all, 10);
  });

  it('edge mass is negligible where the whole target fits, and flagged (> 1e-3) where it does not', () => {
    for (const t of [donut, multimodal, squiggle]) expect(targetField(t, {}).edgeMass).toBeLessThan(1e-5);
    for (const t of [funnel, rosenbrock]) expect(targetField(t, {}).edgeMass).toBeGreaterThan(1e-3);
  });
});

describe('mcmc-demo targets: exact facts', () => {
  it.each([
    ['donut', donut, 1e-6, 1e-4],
    ['multimodal', multimodal, 1e-6, 1e-4],
    ['squiggle', squiggle, 1e-4, 2e-3], // x ~ N(0, 2) truncated at ±6 loses 9e-4 of its variance
  ] as const)('%s: exact log Z, mean and covariance agree with the grid (all mass inside)', (_, target, zTol, covTol) => {
    const exact = target.exact!({});
    const f = targetField(target, {});
    expect(Math.abs(f.logZ - exact.logZ!)).toBeLessThan(zTol + 3e-5);
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(f.mean[a] - exact.mean![a])).toBeLessThan(1e-5);
      for (let b = 0; b < 2; b++) expect(Math.abs(f.cov[a][b] - exact.cov![a][b])).toBeLessThan(covTol);
    }
  });

  it('donut: exact log Z equals the polar-coordinate integral', () => {
    expect(donut.exact!({}).logZ).toBeCloseTo(Math.log(boxMass.donut()), 10);
  });

  it('funnel: Var x = E[e^v] = e^{9/2} by quadrature over v ~ N(0, 9)', () => {
    const e = simpson((v) => Math.exp(normalLogPdf(v, 0, 3) + v), -40, 60, 20000);
    const exact = funnel.exact!({});
    expect(exact.cov![0][0]).toBeCloseTo(e, 8);
    expect(exact.mean).toEqual([0, 2]);
    expect(exact.cov![1][1]).toBe(9);
  });

  it('rosenbrock: mean and covariance from moments of x ~ N(1, 10) by quadrature, with y | x ~ N(x², 1/10)', () => {
    const m = (k: number) => simpson((x) => x ** k * Math.exp(normalLogPdf(x, 1, Math.sqrt(10))), -60, 62, 40000);
    const exact = rosenbrock.exact!({});
    expect(exact.mean![0]).toBeCloseTo(m(1), 8);
    expect(exact.mean![1]).toBeCloseTo(m(2), 8);
    expect(exact.cov![0][0]).toBeCloseTo(m(2) - m(1) ** 2, 8);
    expect(exact.cov![0][1]).toBeCloseTo(m(3) - m(1) * m(2), 7);
    expect(exact.cov![1][1]).toBeCloseTo(m(4) + 0.1 - m(2) ** 2, 6);
  });
});
