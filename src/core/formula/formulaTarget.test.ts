import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import { tf } from '../tf';
import type { TargetSpec } from '../targets/types';
import { FormulaError } from './errors';
import { makeFormulaTarget } from './formulaDensity';
import { DomainError, checkFormulaTarget, formatDomain, parseDomain } from './formulaTarget';

function quadrature(target: TargetSpec) {
  const grid = makeGrid(target.domain({}), target.dim);
  const logp = tf.tidy(
    () => target.logDensity(tf, tf.tensor2d(grid.points, [grid.points.length / target.dim, target.dim]), {}).dataSync() as Float32Array,
  );
  return quadratureLogZ(logp, grid);
}

describe('makeFormulaTarget', () => {
  it('describes itself as the formula target', () => {
    const t = makeFormulaTarget('-(x^2+y^2)/2', { x: [-6, 6], y: [-6, 6] });
    expect(t).toMatchObject({ id: 'formula', name: 'Your formula', dim: 2, params: [], formula: '-(x^2+y^2)/2' });
    expect(t.domain({})).toEqual({ x: [-6, 6], y: [-6, 6] });
    expect(t.tex).toBe(String.raw`-\frac{x^{2} + y^{2}}{2}`);
    expect(t.description).toContain('-(x^2+y^2)/2');
  });

  it('a standard normal typed as a formula has quadrature log Z = log 2π on [−6, 6]²', () => {
    const t = makeFormulaTarget('-(x^2+y^2)/2', { x: [-6, 6], y: [-6, 6] });
    const { logZ, edgeMass } = quadrature(t);
    expect(Math.abs(logZ - Math.log(2 * Math.PI))).toBeLessThan(1e-4);
    expect(edgeMass).toBeLessThan(1e-6);
  });

  it('in 1D, -x^2/2 has log Z = ½ log 2π, and a given y range is dropped', () => {
    const t = makeFormulaTarget('-x^2/2', { x: [-6, 6], y: [-1, 1] });
    expect(t.dim).toBe(1);
    expect(t.domain({})).toEqual({ x: [-6, 6] });
    expect(Math.abs(quadrature(t).logZ - 0.5 * Math.log(2 * Math.PI))).toBeLessThan(1e-4);
  });

  it('a two-component mixture via logsumexp integrates to log 1 = 0', () => {
    const t = makeFormulaTarget('logsumexp(log(0.3) + normal_lpdf(x, -2, 0.5), log(0.7) + normal_lpdf(x, 1.5, 1))', { x: [-8, 8] });
    expect(Math.abs(quadrature(t).logZ)).toBeLessThan(1e-4);
  });

  it('throws FormulaError for a bad formula and DomainError for a bad box', () => {
    expect(() => makeFormulaTarget('-(x^2', { x: [-6, 6] })).toThrow(FormulaError);
    expect(() => makeFormulaTarget('-x^2 - y^2', { x: [-6, 6] })).toThrow(DomainError);
    expect(() => makeFormulaTarget('-x^2', { x: [6, -6] })).toThrow('domain: xmin (6) must be less than xmax (-6)');
    expect(() => makeFormulaTarget('-y^2', { x: [-1, 1], y: [-6, 6] }, 1)).toThrow(FormulaError);
  });
});

describe('checkFormulaTarget', () => {
  it('passes a proper density well inside its box', () => {
    expect(checkFormulaTarget('-(x^2)/2', { x: [-6, 6] })).toMatchObject({ ok: true, problems: [], dim: 1 });
    expect(checkFormulaTarget('-(x^2+y^2)/2', { x: [-6, 6], y: [-6, 6] })).toMatchObject({ ok: true, problems: [] });
  });

  it('flags log(x) on [−1, 1]: NaN on half the domain, with an example and a reason', () => {
    const r = checkFormulaTarget('log(x)', { x: [-1, 1] });
    expect(r.ok).toBe(false);
    expect(r.invalidFraction).toBeGreaterThan(0.49);
    expect(r.problems).toEqual([
      'log p̃ is undefined (NaN) on 50 % of the domain, e.g. at (x=−1): log of a negative number?',
      // p̃ = x on (0, 1] does peak at the edge; the lone log 0 at x = 0 is not worth a sentence.
      "7.7 % of p's mass sits at the domain's edge: p̃ is largest on the edge, so widen the domain or make p̃ fall off towards it",
    ]);
  });

  it('names both coordinates in 2D', () => {
    const r = checkFormulaTarget('log(x) - y^2', { x: [-1, 1], y: [-1, 1] });
    expect(r.problems[0]).toBe('log p̃ is undefined (NaN) on 50 % of the domain, e.g. at (x=−1, y=−1): log of a negative number?');
  });

  it('flags x^2: the mass sits at the edge, and p̃ peaks there, so the sign is suspect', () => {
    const r = checkFormulaTarget('x^2', { x: [-6, 6] });
    expect(r.ok).toBe(false);
    expect(r.edgeMass).toBeGreaterThan(0.5);
    expect(r.problems).toEqual([
      "most of the mass sits at the domain's edge: widen the domain or check the sign — did you mean −x^2?",
    ]);
    expect(checkFormulaTarget('(x^2 + y^2)/2', { x: [-6, 6], y: [-6, 6] }).problems[0]).toMatch(/did you mean −\(\(x\^2 \+ y\^2\)\/2\)\?$/);
    expect(checkFormulaTarget('x', { x: [-6, 6] }).problems[0]).toMatch(/p̃ is largest on the edge/);
  });

  it('flags a box too narrow for the tails without blaming the sign', () => {
    const r = checkFormulaTarget('-x^2/2', { x: [-1.5, 1.5] });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^1\.\d %? of p's mass sits at the domain's edge: widen the domain so that p's tails fit inside$/);
  });

  it('flags −∞ over a large region, +∞ anywhere, float32 overflow, and p̃ = 0 everywhere', () => {
    expect(checkFormulaTarget('log(max(x, 0))', { x: [-1, 1] }).problems[0]).toBe(
      'log p̃ is −∞ (p̃ = 0) on 50 % of the domain, e.g. at (x=−1): log of 0?',
    );
    expect(checkFormulaTarget('1/(x - x)', { x: [-1, 1] }).problems).toContain(
      'log p̃ is +∞ at 1201 grid points, e.g. at (x=−1): division by zero? — p̃ must be finite to be normalised',
    );
    expect(checkFormulaTarget('exp(exp(x))', { x: [0, 6] }).problems[0]).toMatch(
      /^log p̃ exceeds 3\.4e38 at \d+ grid points, e\.g\. at \(x=4\.\d+\): the engine computes in float32/,
    );
    expect(checkFormulaTarget('log(-1 - x^2)', { x: [-1, 1] }).problems).toEqual([
      'log p̃ is undefined (NaN) on 100 % of the domain, e.g. at (x=−1): log of a negative number?',
      'p̃ is zero or undefined everywhere on the domain: nothing to fit',
    ]);
  });

  it('tolerates a few undefined points (below 5 %)', () => {
    const r = checkFormulaTarget('-x^2/2 + log(x + 5.9)', { x: [-6, 6] });
    expect(r.invalidFraction).toBeGreaterThan(0.005);
    expect(r.problems).toEqual([]);
  });
});

describe('parseDomain', () => {
  it.each([
    ['-6,6', 1, { x: [-6, 6] }],
    [' -3 , 4.5 ', 1, { x: [-3, 4.5] }],
    ['−2,2', 1, { x: [-2, 2] }],
    ['-6,6,-4,4', 2, { x: [-6, 6], y: [-4, 4] }],
    ['-6,6', 2, { x: [-6, 6], y: [-6, 6] }],
    ['-1e1,1e1', 1, { x: [-10, 10] }],
  ] as const)('%s (%iD)', (text, dim, want) => {
    expect(parseDomain(text, dim)).toEqual(want);
  });

  it.each([
    ['', 1, 'domain is empty: expected "xmin,xmax", e.g. -6,6'],
    ['1', 1, 'domain: expected 2 numbers "xmin,xmax" for a 1D formula, got 1'],
    ['-6,6,-6,6', 1, 'domain: expected 2 numbers "xmin,xmax" for a 1D formula, got 4'],
    ['-6,6,1', 2, 'domain: expected 4 numbers "xmin,xmax,ymin,ymax" (or 2 for a square) for a 2D formula, got 3'],
    ['a,6', 1, 'domain: xmin must be a plain decimal number (got "a")'],
    ['-6,', 1, 'domain: xmax is missing'],
    ['0x10,20', 1, 'domain: xmin must be a plain decimal number (got "0x10")'],
    ['-6,1e999', 1, 'domain: xmax must be ≤ 1000000 (got "1e999")'],
    ['-1e39,1e39', 1, 'domain: xmin must be ≥ -1000000 (got "-1e39")'],
    ['-6,1e-400', 1, 'domain: xmax is too close to 0 to represent; write 0 if you mean 0 (got "1e-400")'],
    ['-6,+', 1, 'domain: xmax must be a plain decimal number (got "+")'],
    ['1000,1000.01', 1, 'domain: the x range (1000, 1000.01) is too narrow for float32: make it at least 0.1 wide'],
    ['6,-6', 1, 'domain: xmin (6) must be less than xmax (-6)'],
    ['1,1', 1, 'domain: xmin (1) must be less than xmax (1)'],
    ['-6,6,2,-2', 2, 'domain: ymin (2) must be less than ymax (-2)'],
  ] as const)('rejects %j (%iD)', (text, dim, message) => {
    let thrown: unknown = null;
    try {
      parseDomain(text, dim);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).message).toBe(message);
  });

  it('formatDomain is its inverse', () => {
    for (const d of [{ x: [-6, 6] as const }, { x: [-6, 6] as const, y: [-0.5, 2.25] as const }]) {
      expect(parseDomain(formatDomain(d), d.y ? 2 : 1)).toEqual(d);
    }
  });
});
