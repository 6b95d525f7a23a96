/**
 * The typed syntax tree of a user formula, and the table of functions it may call. Every node
 * keeps its source span [start, end) (0-based character offsets) so that errors found after
 * parsing (arity, a variable the chosen dimension lacks) can still point at the right place.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '^';
export type VariableName = 'x' | 'y';
export type ConstantName = 'pi' | 'e';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NumberNode extends Span {
  readonly kind: 'number';
  readonly value: number;
}
export interface ConstantNode extends Span {
  readonly kind: 'constant';
  readonly name: ConstantName;
}
export interface VariableNode extends Span {
  readonly kind: 'variable';
  readonly name: VariableName;
}
export interface NegateNode extends Span {
  readonly kind: 'negate';
  readonly arg: Expr;
}
export interface BinaryNode extends Span {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
}

export type Expr = NumberNode | ConstantNode | VariableNode | NegateNode | BinaryNode | CallNode;

/**
 * Arity per function: a number is exact, 'variadic' means one or more. Kept in one table so the
 * parser, the evaluator, the compiler and the TeX printer cannot disagree on what exists.
 */
export const FUNCTIONS = {
  exp: 1,
  log: 1,
  sqrt: 1,
  abs: 1,
  sin: 1,
  cos: 1,
  tan: 1,
  tanh: 1,
  sigmoid: 1,
  softplus: 1,
  log1p: 1,
  expm1: 1,
  pow: 2,
  min: 2,
  max: 2,
  logsumexp: 'variadic',
  normal_lpdf: 3,
} as const satisfies Record<string, number | 'variadic'>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
export const CONSTANTS: Readonly<Record<ConstantName, number>> = { pi: Math.PI, e: Math.E };

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
export function isConstantName(name: string): name is ConstantName {
  return name === 'pi' || name === 'e';
}
export function isVariableName(name: string): name is VariableName {
  return name === 'x' || name === 'y';
}

/** Children of a node, in source order (for generic walks). */
export function children(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'negate':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

/** The first occurrence of each variable, so a dimension clash can point at it. */
export function variablesOf(node: Expr): Map<VariableName, VariableNode> {
  const found = new Map<VariableName, VariableNode>();
  const walk = (n: Expr): void => {
    if (n.kind === 'variable' && !found.has(n.name)) found.set(n.name, n);
    for (const c of children(n)) walk(c);
  };
  walk(node);
  return found;
}

/** d = 2 as soon as y appears (x is then optional), else 1. */
export function inferDim(node: Expr): 1 | 2 {
  return variablesOf(node).has('y') ? 2 : 1;
}
