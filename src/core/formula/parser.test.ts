import { describe, expect, it } from 'vitest';
import { inferDim } from './ast';
import { evaluate } from './evaluate';
import { FormulaError } from './errors';
import { MAX_FORMULA_NODES, parseFormula } from './parser';
import { toTex } from './tex';

const value = (src: string, x = 0.7, y = -1.3) => evaluate(parseFormula(src), { x, y });

describe('parser: precedence and associativity', () => {
  it.each([
    ['2^3^2', 512],
    ['2**3**2', 512],
    ['(2^3)^2', 64],
    ['-2^2', -4],
    ['(-2)^2', 4],
    ['2^-1', 0.5],
    ['2^-1*4', 2],
    ['1-2-3', -4],
    ['1-(2-3)', 2],
    ['8/4/2', 1],
    ['2*3+4', 10],
    ['2+3*4', 14],
    ['2*(3+4)', 14],
    ['-3*-2', 6],
    ['--3', 3],
    ['+3', 3],
    ['-+-3', 3],
    ['2 ^ 3 * 2', 16],
    ['6/2*3', 9],
    ['1 - -1', 2],
    ['−2 × 3', -6],
  ])('%s = %d', (src, want) => {
    expect(value(src)).toBe(want);
  });
});

describe('parser: numbers, constants, variables, functions', () => {
  it.each([
    ['123', 123],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['1.', 1],
    ['pi', Math.PI],
    ['e', Math.E],
    ['e^2', Math.E ** 2],
    ['2*pi', 2 * Math.PI],
    ['x', 0.7],
    ['y', -1.3],
    ['x*y', 0.7 * -1.3],
    ['-x^2', -0.49],
    ['exp(1)', Math.E],
    ['log(e)', 1],
    ['sqrt(16)', 4],
    ['abs(-2)', 2],
    ['sin(0) + cos(0) + tan(0) + tanh(0)', 1],
    ['sigmoid(0)', 0.5],
    ['softplus(0)', Math.LN2],
    ['log1p(0) + expm1(0)', 0],
    ['pow(2, 10)', 1024],
    ['min(x, y)', -1.3],
    ['max(x, y)', 0.7],
    ['logsumexp(0, 0)', Math.LN2],
    ['logsumexp(3)', 3],
    ['logsumexp(0, 0, 0, 0)', Math.log(4)],
    ['normal_lpdf(0, 0, 1)', -0.5 * Math.log(2 * Math.PI)],
    ['normal_lpdf(3, 1, 2)', -0.5 - Math.log(2) - 0.5 * Math.log(2 * Math.PI)],
    ['exp(log(max(2, min(3, 5))))', 3],
    ['  ( ( x ) )\t+\n1 ', 1.7],
    ['sqrt(abs(-(3^2 + 4^2)))', 5],
  ])('%s', (src, want) => {
    expect(value(src)).toBeCloseTo(want, 12);
  });

  it('keeps source spans on every node', () => {
    const ast = parseFormula('  exp(x) + 2*y');
    expect(ast).toMatchObject({ kind: 'binary', op: '+', start: 2, end: 14 });
    if (ast.kind !== 'binary') throw new Error('expected a sum');
    expect(ast.left).toMatchObject({ kind: 'call', fn: 'exp', start: 2, end: 8 });
    expect(ast.right).toMatchObject({ kind: 'binary', op: '*', start: 11, end: 14 });
  });

  it('parses unary minus below ^ and unary plus to nothing', () => {
    expect(parseFormula('-x^2')).toMatchObject({ kind: 'negate', arg: { kind: 'binary', op: '^' } });
    expect(parseFormula('+x')).toMatchObject({ kind: 'variable', name: 'x' });
  });

  it('infers the dimension from the variables', () => {
    expect(inferDim(parseFormula('-x^2/2'))).toBe(1);
    expect(inferDim(parseFormula('-(x^2+y^2)/2'))).toBe(2);
    expect(inferDim(parseFormula('-y^2'))).toBe(2);
    expect(inferDim(parseFormula('1'))).toBe(1);
  });

  it('copes with long but legal formulas', () => {
    // 20 terms of 3 nodes plus 19 "+": 79 nodes, just under MAX_FORMULA_NODES.
    const src = Array.from({ length: 20 }, (_, i) => `${i}*x`).join(' + ');
    expect(value(src, 1)).toBe((19 * 20) / 2);
  });

  it('refuses a formula bigger than MAX_FORMULA_NODES, so one step stays cheap', () => {
    // The 994-term logsumexp fits in the length cap but cost 0.4 s a step.
    const lse = `logsumexp(${Array.from({ length: 994 }, () => 'x').join(',')})`;
    expect(() => parseFormula(lse)).toThrow(FormulaError);
    expect(() => parseFormula(lse)).toThrow(`the formula is too big (more than ${MAX_FORMULA_NODES} numbers, names and operations)`);
    const fits = `logsumexp(${Array.from({ length: MAX_FORMULA_NODES - 1 }, () => 'x').join(',')})`;
    expect(() => parseFormula(fits)).not.toThrow();
    expect(() => parseFormula(`${fits} + 1`)).toThrow(FormulaError);
  });

  it('cuts long names short in messages', () => {
    expect(() => parseFormula(`${'q'.repeat(1500)} + x`)).toThrow(`unknown variable "${'q'.repeat(40)}…" at column 1`);
  });
});

describe('toTex', () => {
  it.each([
    ['-(x^2+y^2)/2', String.raw`-\frac{x^{2} + y^{2}}{2}`],
    ['-x^2', '-x^{2}'],
    ['(-x)^2', String.raw`\left(-x\right)^{2}`],
    ['2*x', String.raw`2\,x`],
    ['2*3', String.raw`2 \cdot 3`],
    ['x*y', String.raw`x \cdot y`],
    ['(x+1)*(y-1)', String.raw`\left(x + 1\right) \cdot \left(y - 1\right)`],
    ['x-(y-1)', String.raw`x - \left(y - 1\right)`],
    ['x+-y', String.raw`x + \left(-y\right)`],
    ['x-(-y)*2', String.raw`x - \left(-y \cdot 2\right)`],
    ['e^(x/2)', 'e^{\\frac{x}{2}}'],
    ['log(x)^2', String.raw`\left(\log\left(x\right)\right)^{2}`],
    ['sqrt(x)', String.raw`\sqrt{x}`],
    ['abs(x)', String.raw`\left|x\right|`],
    ['pi*x', String.raw`\pi \cdot x`],
    ['1e-7*x', String.raw`10^{-7}\,x`],
    ['2.5e21', String.raw`2.5 \times 10^{21}`],
    ['max(x, y)', String.raw`\max\left(x,\, y\right)`],
    ['logsumexp(x, -x)', String.raw`\log\left(e^{x} + e^{-x}\right)`],
    ['normal_lpdf(x, 1, 2)', String.raw`\log \mathcal{N}\!\left(x;\, 1,\, 2^{2}\right)`],
    ['sigmoid(x)', String.raw`\sigma\left(x\right)`],
  ])('%s → %s', (src, tex) => {
    expect(toTex(parseFormula(src))).toBe(tex);
  });
});
