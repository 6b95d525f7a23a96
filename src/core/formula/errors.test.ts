import { describe, expect, it } from 'vitest';
import { compileFormula } from './compile';
import { FormulaError, renderCaret, suggest } from './errors';
import { parseFormula } from './parser';

function errorOf(fn: () => unknown): FormulaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error('expected a FormulaError');
}

const END = 'expected a number, a variable, "(" or a function';

describe('FormulaError: position and message', () => {
  it.each([
    // empty
    ['', 0, 'the formula is empty: type a log density such as -(x^2 + y^2)/2'],
    ['   ', 0, 'the formula is empty: type a log density such as -(x^2 + y^2)/2'],
    // unbalanced parentheses
    ['(x + 1', 6, 'at column 7: expected ")" to close "(" opened at column 1'],
    ['-(-(x^2', 7, 'at column 8: expected ")" to close "(" opened at column 4'],
    ['x + 1)', 5, 'at column 6: unmatched ")": there is no "(" for it to close'],
    ['exp(x', 5, 'at column 6: expected ")" to close "(" opened at column 4'],
    ['(x, y)', 2, 'at column 3: expected ")" to close "(" opened at column 1, got ","'],
    // trailing or misplaced operators
    ['x +', 3, `unexpected end of formula: ${END}`],
    ['-', 1, `unexpected end of formula: ${END}`],
    ['x * / y', 4, `at column 5: ${END}, got "/"`],
    ['3 + )', 4, `at column 5: ${END}, got ")"`],
    ['max(x,)', 6, `at column 7: ${END}, got ")"`],
    ['x, y', 1, 'at column 2: unexpected "," outside a function call'],
    // unknown identifiers
    ['expp(x)', 0, 'unknown function "expp" at column 1 — did you mean exp?'],
    ['ln(x)', 0, 'unknown function "ln" at column 1 — did you mean log?'],
    ['2*sofplus(x)', 2, 'unknown function "sofplus" at column 3 — did you mean softplus?'],
    [
      'foo(x)',
      0,
      'unknown function "foo" at column 1; known: exp, log, sqrt, abs, sin, cos, tan, tanh, sigmoid, softplus, log1p, expm1, pow, min, max, logsumexp, normal_lpdf',
    ],
    ['x + z', 4, 'unknown variable "z" at column 5: use x (and y in 2D)'],
    ['-theta^2', 1, 'unknown variable "theta" at column 2: use x (and y in 2D)'],
    ['Pi*x', 0, 'unknown variable "Pi" at column 1 — did you mean pi?'],
    ['exp + 1', 0, 'at column 1: "exp" is a function: write exp(…)'],
    // wrong arity
    ['log(x, y)', 0, 'at column 1: "log" takes 1 argument, got 2'],
    ['1 + pow(x)', 4, 'at column 5: "pow" takes 2 arguments, got 1'],
    ['logsumexp()', 0, 'at column 1: "logsumexp" takes at least 1 argument, got 0'],
    ['normal_lpdf(x, 0)', 0, 'at column 1: "normal_lpdf" takes 3 arguments, got 2'],
    // operands side by side
    ['2 3', 2, 'at column 3: expected an operator (+ - * / ^) before the number 3; write * to multiply'],
    ['2x', 1, 'at column 2: expected an operator (+ - * / ^) before "x"; write * to multiply'],
    ['x(1)', 1, 'at column 2: expected an operator (+ - * / ^) before "("; write * to multiply'],
    // bad characters and numbers
    ['x # y', 2, 'at column 3: unexpected character "#"'],
    ['x [1]', 2, 'at column 3: unexpected character "[": use "(" for grouping'],
    ['1e', 0, 'at column 1: malformed number "1e": expected digits after "e"'],
    ['x + 2e-', 4, 'at column 5: malformed number "2e-": expected digits after "e"'],
    ['1.2.3', 3, 'at column 4: a number has at most one "."'],
    ['.', 0, 'at column 1: malformed number ".": expected digits'],
    ['1e999', 0, 'at column 1: the number "1e999" is too large'],
  ])('%j → position %i', (src, position, message) => {
    const e = errorOf(() => parseFormula(src));
    expect(e.message).toBe(message);
    expect(e.position).toBe(position);
  });

  it('refuses absurd nesting and length with a FormulaError, not a stack overflow', () => {
    expect(errorOf(() => parseFormula(`${'('.repeat(900)}x${')'.repeat(900)}`)).message).toMatch(/nested too deeply/);
    expect(errorOf(() => parseFormula(`${'-'.repeat(900)}x`)).message).toMatch(/nested too deeply/);
    // Each level adds a node before it nests, so the size cap (MAX_FORMULA_NODES) stops this one first.
    expect(errorOf(() => parseFormula(`${'x^'.repeat(900)}x`)).message).toMatch(/the formula is too big/);
    expect(errorOf(() => parseFormula('x+'.repeat(2000))).message).toMatch(/too long \(4000 characters; at most 2000\)/);
  });

  it('says when y is used in a formula asked to be 1D', () => {
    const e = errorOf(() => compileFormula(parseFormula('-x^2 - y^2'), 1));
    expect(e.message).toBe('at column 8: "y" needs a 2D target; this one is 1D (use x only)');
    expect(e.position).toBe(7);
  });

  it('is an Error with the name FormulaError', () => {
    const e = errorOf(() => parseFormula('x +'));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FormulaError');
  });
});

describe('renderCaret', () => {
  it('puts a caret under the offending column', () => {
    const src = 'x # y';
    expect(renderCaret(src, errorOf(() => parseFormula(src)).position)).toBe('x # y\n  ^');
  });

  it('points past the end for a missing closing parenthesis', () => {
    const src = '(x + 1';
    expect(renderCaret(src, errorOf(() => parseFormula(src)).position)).toBe('(x + 1\n      ^');
  });

  it('flattens tabs and newlines so the caret lines up, and clamps the position', () => {
    expect(renderCaret('x\t+\n#', 4)).toBe('x + #\n    ^');
    expect(renderCaret('x', 99)).toBe('x\n ^');
    expect(renderCaret('x', -3)).toBe('x\n^');
  });
});

describe('suggest', () => {
  it('corrects typos but not unrelated short names', () => {
    expect(suggest('lgo', ['log', 'exp'])).toBe('log');
    expect(suggest('sigmod', ['sigmoid'])).toBe('sigmoid');
    expect(suggest('z', ['x', 'y', 'e'])).toBeNull();
    expect(suggest('banana', ['exp', 'log'])).toBeNull();
  });
});
