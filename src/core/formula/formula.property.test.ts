// Property tests of the formula language: parser, tf compiler and checker on 10,000 inputs each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFlat } from '../sessionFlat';
import { MAX_CALL_MS, MAX_MESSAGE_CHARS, numberish, timed } from '../testing/fuzzInputs';
import { tf } from '../tf';
import { DEFAULT_FORMULA_DOMAIN } from '../targets/resolve';
import { FUNCTION_NAMES, inferDim } from './ast';
import { checkFormula } from './check';
import { compileFormula } from './compile';
import { FormulaError } from './errors';
import { evaluate } from './evaluate';
import { parseFormula } from './parser';

const RUNS = { numRuns: 10_000 };

/** Small formulas from the grammar, with wrong arities, unknown names and odd numbers mixed in. */
const { expr } = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    { arbitrary: fc.constantFrom('x', 'y', 'x', 'pi', 'e', '2', '0.5', '1e3', '0'), weight: 6 },
    { arbitrary: numberish, weight: 1 },
    { arbitrary: fc.constantFrom('z', 'ln', 'constructor', '__proto__', 'toString', 'X', 'exp', 'π'), weight: 1 },
  ),
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { arbitrary: tie('leaf'), weight: 3 },
    { arbitrary: tie('expr').map((a) => `-${a}`), weight: 1 },
    { arbitrary: tie('expr').map((a) => `(${a})`), weight: 1 },
    {
      arbitrary: fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '**', ' ', '−', '×'), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...FUNCTION_NAMES, 'foo', 'hasOwnProperty', 'valueOf'), fc.array(tie('expr'), { maxLength: 4 }))
        .map(([f, args]) => `${f}(${args.join(', ')})`),
      weight: 2,
    },
  ),
}));

/** One character inserted, deleted or replaced: near-misses of well-formed formulas. */
const mutated = fc.tuple(expr, fc.nat(), fc.constantFrom('', '(', ')', ',', '.', 'e', '^', '*', '[', '#', '1e999', '\u{1F600}')).map(([s, at, c]) => {
  const i = s.length === 0 ? 0 : at % (s.length + 1);
  return `${s.slice(0, i)}${c}${s.slice(i + 1)}`;
});

const formulaText = fc.oneof(
  { arbitrary: expr, weight: 6 },
  { arbitrary: mutated, weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...'xy0123456789.eE+-*/^(), '), maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => `logsumexp(${Array(n).fill('x').join(',')})`), weight: 1 },
);

function boundedMessage(m: string): void {
  expect(m.length).toBeGreaterThan(0);
  expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
}

/** Parse, compile (and run on 3 points), evaluate and check one formula; the invariants of each. */
function exercise(src: string): void {
  let ast: ReturnType<typeof parseFormula>;
  try {
    ast = parseFormula(src);
  } catch (e) {
    // Only FormulaError may escape the parser, with a caret inside (or just after) the text.
    expect(e).toBeInstanceOf(FormulaError);
    const err = e as FormulaError;
    boundedMessage(err.message);
    expect(err.position).toBeGreaterThanOrEqual(0);
    expect(err.position).toBeLessThanOrEqual(src.length);
    // The link reader reports the same mistake, and falls back.
    const r = resolveFlat({ formula: src });
    expect(r.errors[0]).toContain(err.message.slice(0, 30));
    expect(r.config.target.id).not.toBe('formula');
    return;
  }
  const dim = inferDim(ast);
  const compiled = compileFormula(ast, dim);
  const values = tf.tidy(() => compiled.logDensity(tf, tf.tensor2d(dim === 1 ? [-1, 0, 2] : [-1, 1, 0, 0, 2, -3], [3, dim])).arraySync());
  expect(values).toHaveLength(3);
  expect(typeof evaluate(ast, { x: 0.5, y: -0.5 })).toBe('number');
  const domain = dim === 1 ? { x: DEFAULT_FORMULA_DOMAIN.x } : DEFAULT_FORMULA_DOMAIN;
  const report = checkFormula(ast, domain, dim, src);
  for (const p of report.problems) boundedMessage(p);
  for (const f of report.fatal) expect(report.problems).toContain(f);
  expect(report.ok).toBe(report.problems.length === 0);
  // The link reader takes exactly the formulas the check finds usable.
  const r = resolveFlat({ formula: src });
  if (report.fatal.length > 0) {
    expect(r.config.target.id).not.toBe('formula');
    expect(r.errors[0]).toContain(report.fatal[0].slice(0, 30));
  } else {
    expect(r.errors).toEqual([]);
    expect(r.config.target).toMatchObject({ id: 'formula', formula: src });
  }
}

describe('formula language: property tests', () => {
  it('parser + compiler + checker: no stray throw, bounded time, usable or clearly refused', () => {
    let worst = 0;
    fc.assert(
      fc.property(formulaText, (src) => {
        worst = Math.max(worst, timed(() => exercise(src)).ms);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });
});
