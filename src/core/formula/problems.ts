/**
 * What can be wrong with a typed formula, as codes with parameters (docs/i18n.md): core says
 * what, each language words it. English is worded here because FormulaError's message and the
 * check's report strings (read by the link reader and the CLI) are English; the page words the
 * same codes in the language on screen (src/words/formula.ts, and the zh chunk).
 */

/** How an offending token is quoted: the number 3, "x", "(", the end of the formula. */
export type TokenQuote =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'symbol'; readonly text: string }
  | { readonly kind: 'end' };

/** A mistake in the formula's text; `pos` is the 0-based offset (messages say 1-based columns). */
export type FormulaProblem =
  | { readonly code: 'too-long'; readonly length: number; readonly max: number }
  | { readonly code: 'malformed-number'; readonly pos: number; readonly text: string; readonly exponent: boolean }
  | { readonly code: 'two-dots'; readonly pos: number }
  | { readonly code: 'number-too-large'; readonly pos: number; readonly text: string }
  | { readonly code: 'unexpected-character'; readonly pos: number; readonly ch: string; readonly grouping: '(' | ')' | null }
  | { readonly code: 'too-big'; readonly pos: number; readonly max: number }
  | { readonly code: 'empty' }
  | { readonly code: 'unmatched-close'; readonly pos: number }
  | { readonly code: 'comma-outside-call'; readonly pos: number }
  | { readonly code: 'too-deep'; readonly pos: number }
  | { readonly code: 'missing-operator'; readonly pos: number; readonly got: TokenQuote }
  | { readonly code: 'unexpected-end' }
  | { readonly code: 'expected-operand'; readonly pos: number; readonly got: TokenQuote }
  | { readonly code: 'unclosed'; readonly pos: number; readonly open: number; readonly got: TokenQuote | null }
  | { readonly code: 'function-needs-call'; readonly pos: number; readonly name: string }
  | { readonly code: 'unknown-function'; readonly pos: number; readonly name: string; readonly guess: string | null; readonly known: readonly string[] }
  | { readonly code: 'unknown-variable'; readonly pos: number; readonly name: string; readonly guess: string | null }
  | { readonly code: 'arity'; readonly pos: number; readonly fn: string; readonly want: number | 'at-least-1'; readonly got: number }
  | { readonly code: 'y-in-1d'; readonly pos: number };

/** A guess at why log p̃ is NaN or ±∞ at a point (the innermost culprit's operation). */
export type NonFiniteWhy =
  | 'zero-over-zero'
  | 'division-by-zero'
  | 'negative-fractional-power'
  | 'infinity-minus-infinity'
  | 'zero-times-infinity'
  | 'power-overflow'
  | 'log-negative'
  | 'log-zero'
  | 'log1p-below-minus-1'
  | 'log1p-minus-1'
  | 'sqrt-negative'
  | 'exp-overflow'
  | 'sd-not-positive';

/** The edge-mass caveat's likeliest fix. */
export type EdgeFix = { readonly kind: 'sign'; readonly negated: string } | { readonly kind: 'peak-on-edge' } | { readonly kind: 'widen' };

/**
 * What is wrong with a formula as a density on its box. `share` and `mass` are fractions of the
 * box and of p's mass; `at` is the grid point, already written "(x=−1, y=0)".
 */
export type FormulaIssue =
  | { readonly code: 'nan-region'; readonly share: number; readonly at: string; readonly why: NonFiniteWhy | null }
  | { readonly code: 'zero-region'; readonly share: number; readonly at: string; readonly why: NonFiniteWhy | null }
  | { readonly code: 'infinite'; readonly points: number; readonly at: string; readonly why: NonFiniteWhy | null }
  | { readonly code: 'overflow'; readonly points: number; readonly at: string }
  | { readonly code: 'zero-everywhere' }
  | { readonly code: 'edge-mass'; readonly mass: number; readonly fix: EdgeFix };

/** "12 %", "3.5 %": the check's shares, to two significant digits below 10 %. */
export function percent(f: number): string {
  const p = f * 100;
  const s = p >= 10 ? String(Math.round(p)) : String(Number(p.toPrecision(2)));
  return `${s} %`;
}

/** "column 3" for a 0-based offset 2. */
export function column(position: number): string {
  return `column ${position + 1}`;
}

const at = (pos: number) => `at ${column(pos)}`;
const EXPECTED_OPERAND = 'expected a number, a variable, "(" or a function';
const plural = (n: number) => (n === 1 ? '1 argument' : `${n} arguments`);

export function quoteToken(t: TokenQuote): string {
  switch (t.kind) {
    case 'number':
      return `the number ${t.text}`;
    case 'end':
      return 'the end of the formula';
    default:
      return `"${t.text}"`;
  }
}

/** The English sentence for a formula problem (FormulaError's message). */
export function formulaMessage(p: FormulaProblem): string {
  switch (p.code) {
    case 'too-long':
      return `the formula is too long (${p.length} characters; at most ${p.max})`;
    case 'malformed-number':
      return `${at(p.pos)}: malformed number "${p.text}": ${p.exponent ? 'expected digits after "e"' : 'expected digits'}`;
    case 'two-dots':
      return `${at(p.pos)}: a number has at most one "."`;
    case 'number-too-large':
      return `${at(p.pos)}: the number "${p.text}" is too large`;
    case 'unexpected-character':
      return `${at(p.pos)}: unexpected character "${p.ch}"${p.grouping ? `: use "${p.grouping}" for grouping` : ''}`;
    case 'too-big':
      return `${at(p.pos)}: the formula is too big (more than ${p.max} numbers, names and operations); simplify it so that each step stays fast`;
    case 'empty':
      return 'the formula is empty: type a log density such as -(x^2 + y^2)/2';
    case 'unmatched-close':
      return `${at(p.pos)}: unmatched ")": there is no "(" for it to close`;
    case 'comma-outside-call':
      return `${at(p.pos)}: unexpected "," outside a function call`;
    case 'too-deep':
      return `${at(p.pos)}: the formula is nested too deeply`;
    case 'missing-operator':
      return `${at(p.pos)}: expected an operator (+ - * / ^) before ${quoteToken(p.got)}; write * to multiply`;
    case 'unexpected-end':
      return `unexpected end of formula: ${EXPECTED_OPERAND}`;
    case 'expected-operand':
      return `${at(p.pos)}: ${EXPECTED_OPERAND}, got ${quoteToken(p.got)}`;
    case 'unclosed':
      return `${at(p.pos)}: expected ")" to close "(" opened at ${column(p.open)}${p.got ? `, got ${quoteToken(p.got)}` : ''}`;
    case 'function-needs-call':
      return `${at(p.pos)}: "${p.name}" is a function: write ${p.name}(…)`;
    case 'unknown-function':
      return `unknown function "${p.name}" at ${column(p.pos)}${p.guess ? ` — did you mean ${p.guess}?` : `; known: ${p.known.join(', ')}`}`;
    case 'unknown-variable':
      return `unknown variable "${p.name}" at ${column(p.pos)}${p.guess ? ` — did you mean ${p.guess}?` : ': use x (and y in 2D)'}`;
    case 'arity':
      return `${at(p.pos)}: "${p.fn}" takes ${p.want === 'at-least-1' ? 'at least 1 argument' : plural(p.want)}, got ${p.got}`;
    case 'y-in-1d':
      return `${at(p.pos)}: "y" needs a 2D target; this one is 1D (use x only)`;
  }
}

const WHY: Readonly<Record<NonFiniteWhy, string>> = {
  'zero-over-zero': '0/0?',
  'division-by-zero': 'division by zero?',
  'negative-fractional-power': 'a negative number to a fractional power?',
  'infinity-minus-infinity': '∞ − ∞?',
  'zero-times-infinity': '0 · ∞?',
  'power-overflow': 'a power overflowed?',
  'log-negative': 'log of a negative number?',
  'log-zero': 'log of 0?',
  'log1p-below-minus-1': 'log1p of a number below −1?',
  'log1p-minus-1': 'log1p(−1) = log 0?',
  'sqrt-negative': 'square root of a negative number?',
  'exp-overflow': 'exp overflowed?',
  'sd-not-positive': 'a standard deviation ≤ 0?',
};

export function nonFiniteMessage(why: NonFiniteWhy): string {
  return WHY[why];
}

const example = (at: string, why: NonFiniteWhy | null) => `e.g. at ${at}${why ? `: ${WHY[why]}` : ''}`;
const points = (n: number) => (n === 1 ? '1 grid point' : `${n} grid points`);

/** The English sentence for a density issue (the check report's strings). */
export function issueMessage(i: FormulaIssue): string {
  switch (i.code) {
    case 'nan-region':
      return `log p̃ is undefined (NaN) on ${percent(i.share)} of the domain, ${example(i.at, i.why)}`;
    case 'zero-region':
      return `log p̃ is −∞ (p̃ = 0) on ${percent(i.share)} of the domain, ${example(i.at, i.why)}`;
    case 'infinite':
      return `log p̃ is +∞ at ${points(i.points)}, ${example(i.at, i.why)} — p̃ must be finite to be normalised`;
    case 'overflow':
      return `log p̃ exceeds 3.4e38 at ${points(i.points)}, e.g. at ${i.at}: the engine computes in float32, where that is +∞`;
    case 'zero-everywhere':
      return 'p̃ is zero or undefined everywhere on the domain: nothing to fit';
    case 'edge-mass': {
      const head = `${i.mass > 0.5 ? 'most of the mass' : `${percent(i.mass)} of p's mass`} sits at the domain's edge`;
      switch (i.fix.kind) {
        case 'sign':
          return `${head}: widen the domain or check the sign — did you mean ${i.fix.negated}?`;
        case 'peak-on-edge':
          return `${head}: p̃ is largest on the edge, so widen the domain or make p̃ fall off towards it`;
        case 'widen':
          return `${head}: widen the domain so that p's tails fit inside`;
      }
    }
  }
}

/** A malformed plot box for a formula target. */
export type DomainProblem =
  | { readonly code: 'empty'; readonly dim: 1 | 2 }
  | { readonly code: 'count'; readonly dim: 1 | 2; readonly got: number }
  | { readonly code: 'missing'; readonly label: string }
  /** A bound that is not a number within ±max; `detail` is the number reader's English. */
  | { readonly code: 'bad-number'; readonly label: string; readonly max: number; readonly detail: string }
  | { readonly code: 'order'; readonly axis: 'x' | 'y'; readonly lo: number; readonly hi: number }
  | { readonly code: 'outside'; readonly axis: 'x' | 'y'; readonly lo: number; readonly hi: number; readonly max: number }
  | { readonly code: 'narrow'; readonly axis: 'x' | 'y'; readonly lo: number; readonly hi: number; readonly need: number }
  | { readonly code: 'not-finite'; readonly axis: 'x' | 'y' }
  | { readonly code: 'needs-y' };

/** The English sentence for a domain problem (DomainError's message). */
export function domainMessage(p: DomainProblem): string {
  switch (p.code) {
    case 'empty':
      return `domain is empty: expected ${p.dim === 1 ? '"xmin,xmax"' : '"xmin,xmax,ymin,ymax"'}, e.g. ${p.dim === 1 ? '-6,6' : '-6,6,-6,6'}`;
    case 'count': {
      const want = p.dim === 1 ? '2 numbers "xmin,xmax" for a 1D formula' : '4 numbers "xmin,xmax,ymin,ymax" (or 2 for a square) for a 2D formula';
      return `domain: expected ${want}, got ${p.got}`;
    }
    case 'missing':
      return `domain: ${p.label} is missing`;
    case 'bad-number':
      return `domain: ${p.detail}`;
    case 'order':
      return `domain: ${p.axis}min (${p.lo}) must be less than ${p.axis}max (${p.hi})`;
    case 'outside':
      return `domain: the ${p.axis} range must lie within ±${p.max} (got ${p.lo}, ${p.hi})`;
    case 'narrow':
      return `domain: the ${p.axis} range (${p.lo}, ${p.hi}) is too narrow for float32: make it at least ${p.need} wide`;
    case 'not-finite':
      return `domain: the ${p.axis} range must be finite`;
    case 'needs-y':
      return 'domain: this formula uses y, so it needs a y range too: "xmin,xmax,ymin,ymax"';
  }
}
