import { sigmoid, softplus } from '../targets/special';
import { type BinaryOp, CONSTANTS, type Expr, type FunctionName, children } from './ast';
import { type NonFiniteWhy, nonFiniteMessage } from './problems';

/**
 * A plain-JS (float64) evaluator of the syntax tree. It shares no code with the tf compiler on
 * purpose: tests compare the two, and the formula check and the UI's read-out under the cursor
 * use it without touching tfjs.
 */

export interface Point {
  readonly x?: number;
  readonly y?: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);


/**
 * log Σ e^{aᵢ} shifted by the largest aᵢ. An infinite maximum is returned as is: the shift would
 * make ∞ − ∞ = NaN, while the true value is −∞ (all terms zero) or +∞.
 */
export function logSumExp(args: readonly number[]): number {
  let m = -Infinity;
  for (const a of args) {
    if (Number.isNaN(a)) return Number.NaN;
    if (a > m) m = a;
  }
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (const a of args) s += Math.exp(a - m);
  return m + Math.log(s);
}

export function normalLpdf(v: number, mean: number, sd: number): number {
  const z = (v - mean) / sd;
  return -0.5 * z * z - Math.log(sd) - HALF_LOG_2PI;
}

export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
  }
}

export function applyFn(fn: FunctionName, a: readonly number[]): number {
  switch (fn) {
    case 'exp':
      return Math.exp(a[0]);
    case 'log':
      return Math.log(a[0]);
    case 'sqrt':
      return Math.sqrt(a[0]);
    case 'abs':
      return Math.abs(a[0]);
    case 'sin':
      return Math.sin(a[0]);
    case 'cos':
      return Math.cos(a[0]);
    case 'tan':
      return Math.tan(a[0]);
    case 'tanh':
      return Math.tanh(a[0]);
    case 'sigmoid':
      return sigmoid(a[0]);
    case 'softplus':
      return softplus(a[0]);
    case 'log1p':
      return Math.log1p(a[0]);
    case 'expm1':
      return Math.expm1(a[0]);
    case 'pow':
      return a[0] ** a[1];
    case 'min':
      return Math.min(a[0], a[1]);
    case 'max':
      return Math.max(a[0], a[1]);
    case 'logsumexp':
      return logSumExp(a);
    case 'normal_lpdf':
      return normalLpdf(a[0], a[1], a[2]);
  }
}

function variable(name: 'x' | 'y', at: Point): number {
  const v = at[name];
  if (v === undefined) throw new Error(`the formula uses ${name}, but no value was given for it`);
  return v;
}

/** The value of the formula at a point (float64). */
export function evaluate(node: Expr, at: Point): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'constant':
      return CONSTANTS[node.name];
    case 'variable':
      return variable(node.name, at);
    case 'negate':
      return -evaluate(node.arg, at);
    case 'binary':
      return applyBinary(node.op, evaluate(node.left, at), evaluate(node.right, at));
    case 'call':
      return applyFn(
        node.fn,
        node.args.map((arg) => evaluate(arg, at)),
      );
  }
}

/**
 * The same arithmetic as evaluate, prepared once as nested closures (ordinary code over this
 * tree; nothing is generated from text), for evaluating one formula on a whole grid without
 * walking the tree's switch and allocating argument arrays at every point.
 */
export function evaluator(node: Expr): (x: number, y: number) => number {
  switch (node.kind) {
    case 'number':
    case 'constant': {
      const v = node.kind === 'number' ? node.value : CONSTANTS[node.name];
      return () => v;
    }
    case 'variable':
      return node.name === 'x' ? (x) => x : (_, y) => y;
    case 'negate': {
      const a = evaluator(node.arg);
      return (x, y) => -a(x, y);
    }
    case 'binary': {
      const [a, b] = [evaluator(node.left), evaluator(node.right)];
      // One closure per operator, so the grid loop does no dispatch (same arithmetic as applyBinary).
      switch (node.op) {
        case '+':
          return (x, y) => a(x, y) + b(x, y);
        case '-':
          return (x, y) => a(x, y) - b(x, y);
        case '*':
          return (x, y) => a(x, y) * b(x, y);
        case '/':
          return (x, y) => a(x, y) / b(x, y);
        case '^':
          return (x, y) => a(x, y) ** b(x, y);
      }
      break;
    }
    case 'call': {
      const args = node.args.map(evaluator);
      const values = new Array<number>(args.length);
      return (x, y) => {
        for (let i = 0; i < args.length; i++) values[i] = args[i](x, y);
        return applyFn(node.fn, values);
      };
    }
  }
}

/** Why a node whose inputs are all fine produced `value` (NaN or ±∞), if we can tell. */
function reason(node: Expr, args: readonly number[], value: number): NonFiniteWhy | null {
  const [a, b] = args;
  if (node.kind === 'binary') {
    if (node.op === '/' && b === 0) return a === 0 ? 'zero-over-zero' : 'division-by-zero';
    if (node.op === '^' && Number.isNaN(value) && a < 0) return 'negative-fractional-power';
    if ((node.op === '+' || node.op === '-') && Number.isNaN(value)) return 'infinity-minus-infinity';
    if (node.op === '*' && Number.isNaN(value)) return 'zero-times-infinity';
    if (node.op === '^' && !Number.isNaN(value)) return 'power-overflow';
    return null;
  }
  if (node.kind !== 'call') return null;
  switch (node.fn) {
    case 'log':
      return a < 0 ? 'log-negative' : a === 0 ? 'log-zero' : null;
    case 'log1p':
      return a < -1 ? 'log1p-below-minus-1' : a === -1 ? 'log1p-minus-1' : null;
    case 'sqrt':
      return 'sqrt-negative';
    case 'pow':
      return Number.isNaN(value) && a < 0 ? 'negative-fractional-power' : null;
    case 'exp':
    case 'expm1':
      return 'exp-overflow';
    case 'normal_lpdf':
      return args[2] <= 0 ? 'sd-not-positive' : null;
    default:
      return null;
  }
}

/**
 * A short guess at why the formula is NaN or infinite at this point, as a code: the innermost
 * subexpression that first turns non-finite is found and its inputs inspected. null when no guess.
 */
export function whyNonFinite(node: Expr, at: Point): NonFiniteWhy | null {
  const walk = (n: Expr): { value: number; why: NonFiniteWhy | null } => {
    const kids = children(n).map(walk);
    const value = evaluate(n, at);
    const culprit = kids.find((k) => k.why !== null);
    if (culprit) return { value, why: culprit.why };
    if (Number.isFinite(value) || kids.some((k) => !Number.isFinite(k.value))) return { value, why: null };
    return {
      value,
      why: reason(
        n,
        kids.map((k) => k.value),
        value,
      ),
    };
  };
  return walk(node).why;
}

/** whyNonFinite in English, for messages; '' when no guess. */
export function explainNonFinite(node: Expr, at: Point): string {
  const why = whyNonFinite(node, at);
  return why ? nonFiniteMessage(why) : '';
}
