import type { BinaryOp } from '../formula/ast';
import type { ExportExpr, ExportFunction } from './expr';

/**
 * Export expression → Python source (docs/export.md#formulas), as formula/tex.ts prints TeX: the
 * parentheses come from operator precedence, not from the source. Three dialects: `jax`
 * (jax.numpy, for NumPyro), `pytensor` (pytensor.tensor, for PyMC) and `numpy` (plain arrays, for
 * the scripts' read-outs). Variables print as `x` and `y`, which the script binds to θ's columns.
 */
export type Dialect = 'jax' | 'pytensor' | 'numpy';

/** Python's binding: sum < product < unary minus < power < atom (`-x**2` is `-(x**2)`, as in the formula language). */
const Prec = { Sum: 1, Product: 2, Unary: 3, Power: 4, Atom: 5 } as const;
type Prec = (typeof Prec)[keyof typeof Prec];

function prec(e: ExportExpr): Prec {
  switch (e.kind) {
    case 'binary':
      return e.op === '+' || e.op === '-' ? Prec.Sum : e.op === '^' ? Prec.Power : Prec.Product;
    case 'negate':
      return Prec.Unary;
    case 'number':
      return e.value < 0 ? Prec.Unary : Prec.Atom;
    case 'call':
      return e.fn === 'pow' ? Prec.Power : Prec.Atom;
    default:
      return Prec.Atom;
  }
}

/**
 * A float literal Python reads back to the same double: JS's shortest round-trip digits, with
 * ".0" on integers so no operation falls into Python's integer arithmetic.
 */
export function pyNumber(v: number): string {
  if (Number.isNaN(v)) return 'math.nan';
  if (!Number.isFinite(v)) return v > 0 ? 'math.inf' : '-math.inf';
  const s = String(v);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** The spelling of each function per dialect (names checked against each library; docs/export.md). */
const SIMPLE: Record<Dialect, Partial<Record<ExportFunction, string>>> = {
  jax: {
    exp: 'jnp.exp',
    log: 'jnp.log',
    sqrt: 'jnp.sqrt',
    abs: 'jnp.abs',
    sin: 'jnp.sin',
    cos: 'jnp.cos',
    tan: 'jnp.tan',
    tanh: 'jnp.tanh',
    sigmoid: 'jax.nn.sigmoid',
    softplus: 'jax.nn.softplus',
    log1p: 'jnp.log1p',
    expm1: 'jnp.expm1',
    min: 'jnp.minimum',
    max: 'jnp.maximum',
    log_ndtr: 'log_ndtr',
    normal_lpdf: 'norm.logpdf',
  },
  pytensor: {
    exp: 'pt.exp',
    log: 'pt.log',
    sqrt: 'pt.sqrt',
    abs: 'pt.abs',
    sin: 'pt.sin',
    cos: 'pt.cos',
    tan: 'pt.tan',
    tanh: 'pt.tanh',
    sigmoid: 'pt.sigmoid',
    softplus: 'pt.softplus',
    log1p: 'pt.log1p',
    expm1: 'pt.expm1',
    min: 'pt.minimum',
    max: 'pt.maximum',
  },
  numpy: {
    exp: 'np.exp',
    log: 'np.log',
    sqrt: 'np.sqrt',
    abs: 'np.abs',
    sin: 'np.sin',
    cos: 'np.cos',
    tan: 'np.tan',
    tanh: 'np.tanh',
    log1p: 'np.log1p',
    expm1: 'np.expm1',
    min: 'np.minimum',
    max: 'np.maximum',
  },
};

/** The module a dialect's stacking and reductions come from. */
const NS: Record<Dialect, string> = { jax: 'jnp', pytensor: 'pt', numpy: 'np' };

class Printer {
  constructor(private readonly dialect: Dialect) {}

  print(e: ExportExpr): string {
    switch (e.kind) {
      case 'number':
        return pyNumber(e.value);
      case 'constant':
        return e.name === 'pi' ? 'math.pi' : 'math.e';
      case 'variable':
        return e.name;
      case 'negate':
        // -(a*b) keeps its parentheses (Python's unary minus binds tighter than *), and so does -(-a)
        return `-${prec(e.arg) > Prec.Unary ? this.print(e.arg) : `(${this.print(e.arg)})`}`;
      case 'binary':
        return this.binary(e.op, e.left, e.right);
      case 'call':
        return this.call(e.fn, e.args);
    }
  }

  /** e, parenthesised unless its precedence is at least `min`. */
  private wrap(e: ExportExpr, min: Prec): string {
    const s = this.print(e);
    return prec(e) >= min ? s : `(${s})`;
  }

  private binary(op: BinaryOp, left: ExportExpr, right: ExportExpr): string {
    if (op === '^') return this.power(left, right);
    // a − (−b) is a + b and a + (−b) is a − b, exactly in floating point: print the plainer one
    if ((op === '+' || op === '-') && right.kind === 'negate') return this.binary(op === '+' ? '-' : '+', left, right.arg);
    const own = op === '+' || op === '-' ? Prec.Sum : Prec.Product;
    // Left-associative: the right operand needs a strictly higher precedence to keep its grouping,
    // so a − (b − c) and a / (b * c) keep their parentheses, and floating-point order is preserved.
    return `${this.wrap(left, own)} ${op} ${this.wrap(right, (own + 1) as Prec)}`;
  }

  /** a ** b: right-associative; the base must bind tighter than **, the exponent at least as tight. */
  private power(base: ExportExpr, exponent: ExportExpr): string {
    // a whole-number exponent prints as an int (x ** 2): the same value, and the form people write
    const e = exponent.kind === 'number' && Number.isInteger(exponent.value) && Math.abs(exponent.value) < 1e6 ? String(exponent.value) : this.wrap(exponent, Prec.Power);
    return `${this.wrap(base, Prec.Atom)} ** ${e.startsWith('-') ? `(${e})` : e}`;
  }

  private call(fn: ExportFunction, args: readonly ExportExpr[]): string {
    const list = args.map((a) => this.print(a));
    const ns = NS[this.dialect];
    switch (fn) {
      case 'pow':
        return this.power(args[0], args[1]);
      case 'logsumexp':
        if (args.length === 1) return list[0];
        return this.dialect === 'jax'
          ? `logsumexp(jnp.stack([${list.join(', ')}]), axis=0)`
          : this.dialect === 'pytensor'
            ? `pt.logsumexp(pt.stack([${list.join(', ')}]), axis=0)`
            : `np.logaddexp.reduce(np.stack([${list.join(', ')}]), axis=0)`;
      case 'normal_lpdf':
        if (this.dialect === 'jax') return `norm.logpdf(${list.join(', ')})`;
        // log N(v; m, s²) = −½((v − m)/s)² − log s − ½ log 2π, written out (as formula/evaluate.ts)
        return `(-0.5 * ((${list[0]} - ${this.wrap(args[1], Prec.Product)}) / ${this.wrap(args[2], Prec.Atom)}) ** 2 - ${ns}.log(${list[2]}) - 0.5 * math.log(2 * math.pi))`;
      case 'sigmoid':
        if (this.dialect === 'numpy') return `np.exp(-np.logaddexp(0.0, -(${list[0]})))`;
        break;
      case 'softplus':
        if (this.dialect === 'numpy') return `np.logaddexp(0.0, ${list[0]})`;
        break;
      case 'log_ndtr':
        if (this.dialect === 'pytensor') return `normal_lcdf(0.0, 1.0, ${list[0]})`;
        if (this.dialect === 'numpy') return `log_ndtr(${list[0]})`;
        break;
    }
    const name = SIMPLE[this.dialect][fn];
    if (!name) throw new Error(`no ${this.dialect} spelling for ${fn}`);
    return `${name}(${list.join(', ')})`;
  }
}

export function toPython(e: ExportExpr, dialect: Dialect): string {
  return new Printer(dialect).print(e);
}

/**
 * A long sum as one term per line (the export's densities are sums of prior and likelihood
 * terms): the top-level chain of + and − is split, each line starting with its operator.
 */
export function toPythonLines(e: ExportExpr, dialect: Dialect): string[] {
  const terms: { op: '+' | '-'; e: ExportExpr }[] = [];
  const walk = (n: ExportExpr, op: '+' | '-'): void => {
    if (n.kind === 'binary' && (n.op === '+' || n.op === '-') && op === '+') {
      walk(n.left, '+');
      terms.push({ op: n.op, e: n.right });
      return;
    }
    terms.push({ op, e: n });
  };
  walk(e, '+');
  const p = new Printer(dialect);
  return terms.map((t, i) => {
    const flipped = i > 0 && t.e.kind === 'negate';
    const op = flipped ? (t.op === '+' ? '-' : '+') : t.op;
    const e = t.e.kind === 'negate' && flipped ? t.e.arg : t.e;
    const s = p.print(e);
    // a later term that is itself a sum keeps its parentheses (and its order of addition)
    const body = i > 0 && e.kind === 'binary' && (e.op === '+' || e.op === '-') ? `(${s})` : s;
    return i === 0 ? body : `${op} ${body}`;
  });
}
