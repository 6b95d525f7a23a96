import { CONSTANTS, type Expr, type FunctionName } from './ast';
import { applyBinary, applyFn } from './evaluate';

/**
 * A formula lowered to a straight-line program (a "tape") over slots, for the plain-JS gradient
 * (gradient.ts). It mirrors compile.ts op for op, so that value and gradient follow the same
 * arithmetic as the tfjs graph: constant subtrees are folded in JS, x^2 is a square, x^1 is x,
 * e^v is exp(v), and normal_lpdf is spelled out in the same primitive steps.
 *
 * Slot 0 is x and slot 1 is y; constants get a slot each (filled once per buffer); every
 * instruction writes one new slot. Evaluating instruction by instruction, each over all n points,
 * amortises the dispatch over the batch (docs/math.md#fast-paths).
 */

export type UnaryOp =
  | 'neg'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'sigmoid'
  | 'softplus'
  | 'log1p'
  | 'expm1'
  | 'square';
export type BinaryTapeOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max';

export type Instruction =
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly out: number; readonly a: number }
  | { readonly kind: 'binary'; readonly op: BinaryTapeOp; readonly out: number; readonly a: number; readonly b: number }
  | { readonly kind: 'logsumexp'; readonly out: number; readonly args: Int32Array };

export interface Tape {
  readonly slots: number;
  /** [slot, value] for each constant slot. */
  readonly constants: readonly (readonly [number, number])[];
  /** Per slot: true when its value does not depend on x or y (no adjoint is propagated into it). */
  readonly isConstant: readonly boolean[];
  readonly instructions: readonly Instruction[];
  /** The slot holding log p̃, or a number when the formula has no variable at all. */
  readonly result: number | { readonly constant: number };
}

export const X_SLOT = 0;
export const Y_SLOT = 1;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** A subexpression while lowering: a folded JS number, or the slot that will hold its values. */
type Operand = { readonly constant: number } | { readonly slot: number };

const BINARY: Readonly<Record<'+' | '-' | '*' | '/', BinaryTapeOp>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' };

export function buildTape(ast: Expr): Tape {
  const isConstant: boolean[] = [false, false];
  const constants: [number, number][] = [];
  const instructions: Instruction[] = [];
  const newSlot = (constant: boolean): number => isConstant.push(constant) - 1;
  const slotOf = (v: Operand): number => {
    if ('slot' in v) return v.slot;
    const s = newSlot(true);
    constants.push([s, v.constant]);
    return s;
  };
  const unary = (op: UnaryOp, a: Operand): Operand => {
    if ('constant' in a) throw new Error('folded operands never reach unary');
    const out = newSlot(false);
    instructions.push({ kind: 'unary', op, out, a: a.slot });
    return { slot: out };
  };
  const binaryOp = (op: BinaryTapeOp, a: Operand, b: Operand): Operand => {
    const out = newSlot(false);
    instructions.push({ kind: 'binary', op, out, a: slotOf(a), b: slotOf(b) });
    return { slot: out };
  };
  // compile.ts's binary(): fold two numbers; special-case the same exponents
  const binary = (op: '+' | '-' | '*' | '/' | '^', a: Operand, b: Operand): Operand => {
    if ('constant' in a && 'constant' in b) return { constant: applyBinary(op, a.constant, b.constant) };
    if (op !== '^') return binaryOp(BINARY[op], a, b);
    if ('constant' in b && b.constant === 2) return unary('square', a);
    if ('constant' in b && b.constant === 1) return a;
    if ('constant' in a && a.constant === Math.E) return unary('exp', b);
    return binaryOp('pow', a, b);
  };
  const call = (fn: FunctionName, args: readonly Operand[]): Operand => {
    if (args.every((v) => 'constant' in v)) return { constant: applyFn(fn, args.map((v) => ('constant' in v ? v.constant : 0))) };
    const [a, b, c] = args;
    switch (fn) {
      case 'pow':
        return binary('^', a, b);
      case 'min':
      case 'max':
        return binaryOp(fn, a, b);
      case 'logsumexp': {
        const out = newSlot(false);
        instructions.push({ kind: 'logsumexp', out, args: Int32Array.from(args.map(slotOf)) });
        return { slot: out };
      }
      case 'normal_lpdf': {
        const z = binary('/', binary('-', a, b), c);
        const quad = binary('*', binary('^', z, { constant: 2 }), { constant: -0.5 });
        return binary('-', quad, binary('+', call('log', [c]), { constant: HALF_LOG_2PI }));
      }
      default:
        return unary(fn, a);
    }
  };
  const lower = (node: Expr): Operand => {
    switch (node.kind) {
      case 'number':
        return { constant: node.value };
      case 'constant':
        return { constant: CONSTANTS[node.name] };
      case 'variable':
        return { slot: node.name === 'x' ? X_SLOT : Y_SLOT };
      case 'negate': {
        const a = lower(node.arg);
        return 'constant' in a ? { constant: -a.constant } : unary('neg', a);
      }
      case 'binary':
        return binary(node.op, lower(node.left), lower(node.right));
      case 'call':
        return call(node.fn, node.args.map(lower));
    }
  };
  const root = lower(ast);
  return {
    slots: isConstant.length,
    constants,
    isConstant,
    instructions,
    result: 'slot' in root ? root.slot : { constant: root.constant },
  };
}
