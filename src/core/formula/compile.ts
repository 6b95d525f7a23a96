import type { Tensor1D, Tensor2D, TF } from '../tfTypes';
import { type BinaryOp, CONSTANTS, type Expr, type FunctionName } from './ast';
import { formulaDim } from './dimension';
import { applyBinary, applyFn } from './evaluate';

/**
 * Syntax tree → tf ops. A subexpression is either a JS number (no variable below it: folded on
 * the spot, so "log(2*pi)" costs no kernel) or a [n] tensor built from tf ops, so tf.grad works
 * through the whole formula. tfjs is passed in, never imported (see tfTypes.ts).
 */

type Value = number | Tensor1D;

export interface CompiledFormula {
  readonly dim: 1 | 2;
  /** log p̃ for a batch θ of shape [n, dim]; returns [n]. */
  logDensity(tf: TF, theta: Tensor2D): Tensor1D;
}

/** Shift bounds for logsumexp: keeps a ±∞ maximum from turning the shifted terms into ∞ − ∞. */
const SHIFT_LIMIT = 1e30;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

interface Columns {
  readonly x?: Tensor1D;
  readonly y?: Tensor1D;
}

function columns(tf: TF, theta: Tensor2D, dim: 1 | 2): Columns {
  if (dim === 1) return { x: tf.reshape(theta, [-1]) as Tensor1D };
  const [x, y] = tf.split(theta, 2, 1);
  return { x: tf.reshape(x, [-1]) as Tensor1D, y: tf.reshape(y, [-1]) as Tensor1D };
}

function binary(tf: TF, op: BinaryOp, a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return applyBinary(op, a, b);
  switch (op) {
    case '+':
      return tf.add(a, b) as Tensor1D;
    case '-':
      return tf.sub(a, b) as Tensor1D;
    case '*':
      return tf.mul(a, b) as Tensor1D;
    case '/':
      return tf.div(a, b) as Tensor1D;
    case '^':
      // Common exponents get cheaper kernels with exact gradients at negative bases.
      if (b === 2) return tf.square(a);
      if (b === 1) return a;
      if (a === Math.E) return tf.exp(b);
      return tf.pow(a, b) as Tensor1D;
  }
}

function unary(tf: TF, fn: FunctionName, a: Tensor1D): Tensor1D {
  switch (fn) {
    case 'exp':
      return tf.exp(a);
    case 'log':
      return tf.log(a);
    case 'sqrt':
      return tf.sqrt(a);
    case 'abs':
      return tf.abs(a);
    case 'sin':
      return tf.sin(a);
    case 'cos':
      return tf.cos(a);
    case 'tan':
      return tf.tan(a);
    case 'tanh':
      return tf.tanh(a);
    case 'sigmoid':
      return tf.sigmoid(a);
    case 'softplus':
      return tf.softplus(a);
    case 'log1p':
      return tf.log1p(a);
    case 'expm1':
      return tf.expm1(a);
    default:
      throw new Error(`${fn} is not a one-argument function`);
  }
}

/**
 * log Σ e^{aᵢ} = m + log Σ e^{aᵢ − m}, m = max aᵢ clipped to ±1e30 (see SHIFT_LIMIT). The terms
 * are stacked into one [k, n] tensor so that a k-term logsumexp costs a fixed handful of kernels
 * (and gradient kernels), not 4k: a step's cost must not grow with the number of terms.
 */
function logSumExp(tf: TF, args: readonly Value[]): Value {
  const like = args.find((a): a is Tensor1D => typeof a !== 'number');
  if (!like) return applyFn('logsumexp', args as number[]);
  const stacked = tf.stack(args.map((a) => (typeof a === 'number' ? tf.fill(like.shape, a) : a)));
  const shift = tf.clipByValue(tf.max(stacked, 0), -SHIFT_LIMIT, SHIFT_LIMIT);
  return tf.add(shift, tf.log(tf.sum(tf.exp(tf.sub(stacked, shift)), 0))) as Tensor1D;
}

function call(tf: TF, fn: FunctionName, args: readonly Value[]): Value {
  if (args.every((a): a is number => typeof a === 'number')) return applyFn(fn, args);
  const [a, b, c] = args;
  switch (fn) {
    case 'pow':
      return binary(tf, '^', a, b);
    case 'min':
      return tf.minimum(a, b) as Tensor1D;
    case 'max':
      return tf.maximum(a, b) as Tensor1D;
    case 'logsumexp':
      return logSumExp(tf, args);
    case 'normal_lpdf': {
      // −½((v − m)/s)² − log s − ½ log 2π
      const z = binary(tf, '/', binary(tf, '-', a, b), c);
      const quad = binary(tf, '*', binary(tf, '^', z, 2), -0.5);
      return binary(tf, '-', quad, binary(tf, '+', call(tf, 'log', [c]), HALF_LOG_2PI));
    }
    default:
      return unary(tf, fn, a as Tensor1D);
  }
}

function build(tf: TF, node: Expr, cols: Columns): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'constant':
      return CONSTANTS[node.name];
    case 'variable': {
      const col = cols[node.name];
      if (!col) throw new Error(`no column for ${node.name}`);
      return col;
    }
    case 'negate': {
      const a = build(tf, node.arg, cols);
      return typeof a === 'number' ? -a : tf.neg(a);
    }
    case 'binary':
      return binary(tf, node.op, build(tf, node.left, cols), build(tf, node.right, cols));
    case 'call':
      return call(
        tf,
        node.fn,
        node.args.map((arg) => build(tf, arg, cols)),
      );
  }
}

/**
 * Compiles a parsed formula. The dimension is inferred (2 when y appears) unless given; asking
 * for 1D when the formula uses y is a FormulaError pointing at the y (formulaDim).
 */
export function compileFormula(ast: Expr, dimIn?: 1 | 2): CompiledFormula {
  const dim = formulaDim(ast, dimIn);
  return {
    dim,
    logDensity(tf, theta) {
      const cols = columns(tf, theta, dim);
      const v = build(tf, ast, cols);
      if (typeof v !== 'number') return v;
      // A constant formula still has to be a [n] tensor, and one tf.grad can trace back to θ
      // (it refuses outputs that do not depend on the input), hence zerosLike rather than fill.
      return tf.add(tf.zerosLike(cols.x ?? (cols.y as Tensor1D)), v) as Tensor1D;
    },
  };
}
