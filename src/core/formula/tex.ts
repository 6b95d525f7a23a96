import type { Expr, FunctionName } from './ast';

/**
 * Syntax tree → TeX for the explainer. Parentheses come from operator precedence, not from what
 * the user typed, so "((x))^2" prints as x^{2}. Only our own fixed strings and digits reach the
 * output, never user text, so it is safe to hand to a TeX renderer.
 */

/** sum < product < unary minus < power/fraction < atom. */
const Prec = { Sum: 1, Product: 2, Unary: 3, Power: 4, Atom: 5 } as const;
type Prec = (typeof Prec)[keyof typeof Prec];

function prec(node: Expr): Prec {
  switch (node.kind) {
    case 'binary':
      return node.op === '+' || node.op === '-' ? Prec.Sum : node.op === '*' ? Prec.Product : Prec.Power;
    case 'negate':
      return Prec.Unary;
    case 'call':
      return node.fn === 'sqrt' || node.fn === 'abs' ? Prec.Atom : node.fn === 'pow' ? Prec.Power : Prec.Unary;
    default:
      return Prec.Atom;
  }
}

function paren(s: string): string {
  return String.raw`\left(${s}\right)`;
}

/** TeX of node, parenthesised when its precedence is below `min`. */
function wrap(node: Expr, min: Prec): string {
  const s = toTex(node);
  return prec(node) < min ? paren(s) : s;
}

function formatNumber(v: number): string {
  const s = String(v);
  const m = s.match(/^([\d.]+)e([+-]\d+)$/);
  if (!m) return s;
  const exp = String(Number(m[2]));
  return m[1] === '1' ? `10^{${exp}}` : String.raw`${m[1]} \times 10^{${exp}}`;
}

function power(base: Expr, exponent: Expr): string {
  if (base.kind === 'constant' && base.name === 'e') return `e^{${toTex(exponent)}}`;
  return `${wrap(base, Prec.Atom)}^{${toTex(exponent)}}`;
}

/** "2x" but "2 \cdot 3" and "x \cdot y" stay explicit so digits never run together. */
function product(left: Expr, right: Expr): string {
  const l = wrap(left, Prec.Product);
  const rs = wrap(right, Prec.Product);
  const r = rs.startsWith('-') ? paren(rs) : rs;
  const juxtapose = left.kind === 'number' && right.kind !== 'number' && /^[a-z\\]/i.test(r) && !r.startsWith(String.raw`\left(`);
  return juxtapose ? `${l}\\,${r}` : String.raw`${l} \cdot ${r}`;
}

const OPERATOR_NAMES: Partial<Record<FunctionName, string>> = {
  exp: String.raw`\exp`,
  log: String.raw`\log`,
  sin: String.raw`\sin`,
  cos: String.raw`\cos`,
  tan: String.raw`\tan`,
  tanh: String.raw`\tanh`,
  sigmoid: String.raw`\sigma`,
  softplus: String.raw`\operatorname{softplus}`,
  log1p: String.raw`\operatorname{log1p}`,
  expm1: String.raw`\operatorname{expm1}`,
  min: String.raw`\min`,
  max: String.raw`\max`,
};

function call(fn: FunctionName, args: readonly Expr[]): string {
  const list = args.map(toTex);
  switch (fn) {
    case 'sqrt':
      return String.raw`\sqrt{${list[0]}}`;
    case 'abs':
      return String.raw`\left|${list[0]}\right|`;
    case 'pow':
      return power(args[0], args[1]);
    case 'logsumexp':
      return String.raw`\log${paren(args.map((a) => `e^{${toTex(a)}}`).join(' + '))}`;
    case 'normal_lpdf':
      return String.raw`\log \mathcal{N}\!\left(${list[0]};\, ${list[1]},\, ${wrap(args[2], Prec.Atom)}^{2}\right)`;
    default:
      return `${OPERATOR_NAMES[fn] ?? fn}${paren(list.join(',\\, '))}`;
  }
}

export function toTex(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'constant':
      return node.name === 'pi' ? String.raw`\pi` : 'e';
    case 'variable':
      return node.name;
    case 'negate': {
      const arg = node.arg;
      // -(a + b) needs parentheses, and so does -(-a), which would otherwise print as "--a".
      const inner = prec(arg) < Prec.Product || arg.kind === 'negate' ? paren(toTex(arg)) : toTex(arg);
      return `-${inner}`;
    }
    case 'binary': {
      const { op, left, right } = node;
      if (op === '^') return power(left, right);
      // −a/b reads better as −(a/b), the same number.
      if (op === '/' && left.kind === 'negate') return String.raw`-\frac{${toTex(left.arg)}}{${toTex(right)}}`;
      if (op === '/') return String.raw`\frac{${toTex(left)}}{${toTex(right)}}`;
      if (op === '*') return product(left, right);
      // a - (b + c) and a + (-b) keep their parentheses; a + b + c does not need any.
      const rs = toTex(right);
      const r = (op === '-' && prec(right) <= Prec.Sum) || rs.startsWith('-') ? paren(rs) : rs;
      return `${toTex(left)} ${op} ${r}`;
    }
    case 'call':
      return call(node.fn, node.args);
  }
}
