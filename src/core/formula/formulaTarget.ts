import type { Domain, TargetSpec } from '../targets/types';
import type { Expr } from './ast';
import { compileFormula } from './compile';
import { validateDomain } from './domain';
import { formulaLogDensityGrad } from './gradient';
import { parseFormula } from './parser';
import { toTex } from './tex';

export { checkFormulaTarget, type FormulaReport } from './check';
export { DomainError, formatDomain, parseDomain } from './domain';

export const FORMULA_TARGET_ID = 'formula';

/** A target built from a typed formula; keeps its source so the URL and the CLI can echo it. */
export interface FormulaTargetSpec extends TargetSpec {
  readonly formula: string;
  readonly ast: Expr;
}

/**
 * The 'formula' target: log p̃ typed by the user, compiled to tf ops (autodiff works), on the
 * given box, and to a plain-JS tape with a reverse-mode gradient for the fast path (gradient.ts).
 * The dimension comes from the formula (2 when y appears) unless `dim` says otherwise.
 * Throws FormulaError when the formula does not parse, DomainError when the box is malformed.
 */
export function makeFormulaTarget(expr: string, domain: Domain, dim?: 1 | 2): FormulaTargetSpec {
  const ast = parseFormula(expr);
  const compiled = compileFormula(ast, dim);
  const box = validateDomain(domain, compiled.dim);
  const shown = expr.trim().replace(/\s+/g, ' ');
  return {
    id: FORMULA_TARGET_ID,
    name: 'Your formula',
    description: `log p̃ = ${shown}, as you typed it; Z is found by quadrature on the plot box.`,
    tex: toTex(ast),
    dim: compiled.dim,
    params: [],
    domain: () => box,
    logDensity: (tf, theta) => compiled.logDensity(tf, theta),
    logDensityGrad: formulaLogDensityGrad(ast, compiled.dim),
    caveat:
      'log Z, the KL and the moments are computed on the plot box only: if p has mass outside it, widen the domain.',
    formula: expr,
    ast,
    // the typed formula is already an export expression (docs/export.md#formulas)
    exportAs: () => ({ logDensity: ast }),
  };
}
