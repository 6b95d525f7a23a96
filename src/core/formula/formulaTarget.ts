import type { Domain, TargetInfo } from '../targets/types';
import type { Expr } from './ast';
import { formulaDim } from './dimension';
import { validateDomain } from './domain';
import { parseFormula } from './parser';
import { toTex } from './tex';

export { checkFormulaTarget, type FormulaReport } from './check';
export { DomainError, formatDomain, parseDomain } from './domain';

export const FORMULA_TARGET_ID = 'formula';

/** A target built from a typed formula; keeps its source so the URL and the CLI can echo it. */
export interface FormulaTargetInfo extends TargetInfo {
  readonly formula: string;
  readonly ast: Expr;
}

/**
 * The 'formula' target's info: log p̃ typed by the user, parsed, printed in TeX, on the given box;
 * what the page needs. Its density (compiled to tf ops and a plain-JS tape) is formulaDensity.ts,
 * on the engine side only. The dimension comes from the formula (2 when y appears) unless `dim`
 * says otherwise. Throws FormulaError when the formula does not parse, DomainError when the box
 * is malformed.
 */
export function makeFormulaTargetInfo(expr: string, domain: Domain, dim?: 1 | 2): FormulaTargetInfo {
  const ast = parseFormula(expr);
  const d = formulaDim(ast, dim);
  const box = validateDomain(domain, d);
  const shown = expr.trim().replace(/\s+/g, ' ');
  return {
    id: FORMULA_TARGET_ID,
    name: 'Your formula',
    description: `log p̃ = ${shown}, as you typed it; Z is found by quadrature on the plot box.`,
    tex: toTex(ast),
    dim: d,
    params: [],
    domain: () => box,
    caveat:
      'log Z, the KL and the moments are computed on the plot box only: if p has mass outside it, widen the domain.',
    formula: expr,
    ast,
  };
}
