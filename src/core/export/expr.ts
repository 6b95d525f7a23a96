import type { BinaryOp, ConstantName, FunctionName, VariableName } from '../formula/ast';
import { CONSTANTS } from '../formula/ast';
import { applyBinary, applyFn } from '../formula/evaluate';
import { parseFormula } from '../formula/parser';
import { logNormalCdfWithSlope } from '../targets/gaussianMath';

/**
 * The expressions code export prints (docs/export.md): the formula language's syntax tree
 * (src/core/formula/ast.ts), which every parsed formula already is, plus the one function a
 * catalogue target needs that the formula language lacks, log Φ (`log_ndtr`, the skew-normal's
 * tail-stable log CDF). Spans are optional: a printed expression never points back at source.
 */
export type ExportFunction = FunctionName | 'log_ndtr';

export type ExportExpr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'constant'; readonly name: ConstantName }
  | { readonly kind: 'variable'; readonly name: VariableName }
  | { readonly kind: 'negate'; readonly arg: ExportExpr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: ExportExpr; readonly right: ExportExpr }
  | { readonly kind: 'call'; readonly fn: ExportFunction; readonly args: readonly ExportExpr[] };

/**
 * How a target is written out as code: its log p̃ over θ = (x) or (x, y) in the space the run fits
 * (the Jacobian of a constraining transform included, so it equals the target's logDensity), and
 * for a constrained target the map back to its own parameters, one expression per coordinate.
 * `unsupported` carries a code (docs/export.md#unsupported) when no library can be given the
 * density, which the script's header then states instead of writing wrong code.
 */
export type TargetExport =
  | { readonly logDensity: ExportExpr; readonly toConstrained?: readonly ExportExpr[] }
  | { readonly unsupported: 'no-export' };

/**
 * A formula-language source as an export expression. Target files write their densities this way,
 * with parameter values substituted by `lit`; a typo throws FormulaError (the export tests parse
 * every target). A term must stay under the parser's node cap: long sums are split and `sum`med.
 */
export function formula(source: string): ExportExpr {
  return parseFormula(source);
}

/** a₁ + a₂ + … (left to right, the order the app adds in). */
export function sum(terms: readonly ExportExpr[]): ExportExpr {
  if (terms.length === 0) return { kind: 'number', value: 0 };
  return terms.slice(1).reduce<ExportExpr>((left, right) => ({ kind: 'binary', op: '+', left, right }), terms[0]);
}

/** log Φ(z), the standard normal's log CDF. */
export function logNdtr(z: ExportExpr): ExportExpr {
  return { kind: 'call', fn: 'log_ndtr', args: [z] };
}

/**
 * A number as formula-language source: the shortest digits that read back to the same double
 * (the formula lexer reads exponents, "1e-12"), parenthesised when negative so that it can stand
 * anywhere in a formula.
 */
export function lit(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`lit: ${v} is not finite`);
  return v < 0 ? `(${String(v)})` : String(v);
}

/** The expression's value at (x, y) in float64, for tests that hold the export to the app's density. */
export function evaluateExport(e: ExportExpr, x: number, y: number): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'constant':
      return CONSTANTS[e.name];
    case 'variable':
      return e.name === 'x' ? x : y;
    case 'negate':
      return -evaluateExport(e.arg, x, y);
    case 'binary':
      return applyBinary(e.op, evaluateExport(e.left, x, y), evaluateExport(e.right, x, y));
    case 'call': {
      const args = e.args.map((a) => evaluateExport(a, x, y));
      if (e.fn === 'log_ndtr') {
        const out = { value: 0, slope: 0 };
        logNormalCdfWithSlope(args[0], out);
        return out.value;
      }
      return applyFn(e.fn, args);
    }
  }
}

/** Every function an expression calls (to import only what a script uses). */
export function functionsOf(e: ExportExpr, into = new Set<ExportFunction>()): Set<ExportFunction> {
  if (e.kind === 'call') into.add(e.fn);
  if (e.kind === 'negate') functionsOf(e.arg, into);
  if (e.kind === 'binary') {
    functionsOf(e.left, into);
    functionsOf(e.right, into);
  }
  if (e.kind === 'call') for (const a of e.args) functionsOf(a, into);
  return into;
}
