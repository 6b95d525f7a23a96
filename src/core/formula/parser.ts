import {
  type BinaryOp,
  CONSTANTS,
  type Expr,
  FUNCTION_NAMES,
  FUNCTIONS,
  isConstantName,
  isFunctionName,
  isVariableName,
} from './ast';
import { echo } from '../numbers';
import { FormulaError, suggest } from './errors';
import { type Token, quoteOf, tokenize } from './lexer';

/**
 * Binding powers (left, right) of the infix operators, Pratt style. Left-associative operators
 * bind their right side one tighter; ^ is right-associative (2^3^2 = 2^9) and binds tighter than
 * unary minus, so -x^2 = -(x^2) as in mathematics.
 */
const INFIX: Readonly<Record<BinaryOp, readonly [number, number]>> = {
  '+': [10, 11],
  '-': [10, 11],
  '*': [20, 21],
  '/': [20, 21],
  '^': [41, 40],
};
const PREFIX_BP = 30;

/** Nesting beyond this is surely a mistake, and must not overflow the JS stack. */
const MAX_DEPTH = 100;

/**
 * The most syntax-tree nodes (numbers, names, operators, calls) a formula may have. Every step of
 * a formula target runs its ops (and their gradients) on the whole batch, and the worker can only
 * answer Pause between steps: at this cap the costliest shape we found (a logsumexp of 79 terms)
 * takes about 10–25 ms a step on the tfjs cpu backend with 256 samples, well under the 100 ms
 * Pause budget (a 994-term one took 0.4 s). A 6-component 2D mixture of weighted normal_lpdf
 * terms, far more than a learner types, has 79 nodes.
 */
export const MAX_FORMULA_NODES = 80;

const KNOWN_NAMES = [...FUNCTION_NAMES, ...Object.keys(CONSTANTS), 'x', 'y'];


class Parser {
  private i = 0;
  private depth = 0;
  private nodes = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  /** Counts a new node against MAX_FORMULA_NODES. */
  private node<T extends Expr>(n: T): T {
    if (++this.nodes > MAX_FORMULA_NODES) {
      throw new FormulaError({ code: 'too-big', pos: n.start, max: MAX_FORMULA_NODES }, n.start);
    }
    return n;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  parseAll(): Expr {
    if (this.peek().type === 'end') {
      throw new FormulaError({ code: 'empty' }, 0);
    }
    const e = this.expression(0);
    const t = this.peek();
    if (t.type === ')') throw new FormulaError({ code: 'unmatched-close', pos: t.pos }, t.pos);
    if (t.type === ',') throw new FormulaError({ code: 'comma-outside-call', pos: t.pos }, t.pos);
    return e;
  }

  /** Parses operators binding tighter than minBp; stops before ")", "," or the end. */
  private expression(minBp: number): Expr {
    if (++this.depth > MAX_DEPTH) {
      throw new FormulaError({ code: 'too-deep', pos: this.peek().pos }, this.peek().pos);
    }
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (t.type === 'number' || t.type === 'ident' || t.type === '(') {
        // Two operands side by side ("2 3", "2x", "x(1)"): we have no implicit multiplication.
        throw new FormulaError({ code: 'missing-operator', pos: t.pos, got: quoteOf(t) }, t.pos);
      }
      if (t.type !== 'op') break;
      const [lbp, rbp] = INFIX[t.op];
      if (lbp < minBp) break;
      this.next();
      const right = this.expression(rbp);
      left = this.node({ kind: 'binary', op: t.op, left, right, start: left.start, end: right.end });
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return this.node({ kind: 'number', value: t.value, start: t.pos, end: t.pos + t.text.length });
      case 'ident':
        return this.identifier(t.name, t.pos);
      case '(': {
        const inner = this.expression(0);
        const close = this.closing(t.pos);
        return { ...inner, start: t.pos, end: close + 1 };
      }
      case 'op':
        if (t.op === '-' || t.op === '+') {
          const arg = this.expression(PREFIX_BP);
          // Unary plus changes nothing, so it leaves no node.
          return t.op === '+' ? arg : this.node({ kind: 'negate', arg, start: t.pos, end: arg.end });
        }
        break;
      case 'end':
        throw new FormulaError({ code: 'unexpected-end' }, this.length);
    }
    throw new FormulaError({ code: 'expected-operand', pos: t.pos, got: quoteOf(t) }, t.pos);
  }

  /** Consumes the ")" matching a "(" at openPos, returning its position. */
  private closing(openPos: number): number {
    const t = this.next();
    if (t.type === ')') return t.pos;
    throw new FormulaError({ code: 'unclosed', pos: t.pos, open: openPos, got: t.type === 'end' ? null : quoteOf(t) }, t.pos);
  }

  private identifier(name: string, pos: number): Expr {
    const end = pos + name.length;
    const isCall = this.peek().type === '(';
    if (isVariableName(name)) return this.node({ kind: 'variable', name, start: pos, end });
    if (isConstantName(name)) return this.node({ kind: 'constant', name, start: pos, end });
    if (isFunctionName(name)) {
      if (isCall) return this.call(name, pos);
      throw new FormulaError({ code: 'function-needs-call', pos, name }, pos);
    }
    if (isCall) {
      const guess = suggest(name, FUNCTION_NAMES);
      throw new FormulaError({ code: 'unknown-function', pos, name: echo(name), guess, known: FUNCTION_NAMES }, pos);
    }
    throw new FormulaError({ code: 'unknown-variable', pos, name: echo(name), guess: suggest(name, KNOWN_NAMES) }, pos);
  }

  private call(fn: keyof typeof FUNCTIONS, pos: number): Expr {
    const open = this.next().pos;
    const args: Expr[] = [];
    let close: number;
    if (this.peek().type === ')') {
      close = this.next().pos;
    } else {
      for (;;) {
        args.push(this.expression(0));
        if (this.peek().type !== ',') break;
        this.next();
      }
      close = this.closing(open);
    }
    const arity = FUNCTIONS[fn];
    if (arity === 'variadic' ? args.length < 1 : args.length !== arity) {
      const want = arity === 'variadic' ? 'at-least-1' : arity;
      throw new FormulaError({ code: 'arity', pos, fn, want, got: args.length }, pos);
    }
    return this.node({ kind: 'call', fn, args, start: pos, end: close + 1 });
  }
}

/** Parses a formula into its syntax tree; throws FormulaError pointing at the first mistake. */
export function parseFormula(source: string): Expr {
  return new Parser(tokenize(source), source.length).parseAll();
}
