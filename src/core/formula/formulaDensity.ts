import type { Domain, TargetDensity } from '../targets/types';
import { compileFormula } from './compile';
import { type FormulaTargetInfo, makeFormulaTargetInfo } from './formulaTarget';
import { formulaLogDensityGrad } from './gradient';

/** The whole 'formula' target, info and density, for the engine side. */
export interface FormulaTargetSpec extends FormulaTargetInfo, TargetDensity {}

/**
 * The formula target's density: compiled to tf ops (autodiff works) and to a plain-JS tape with
 * a reverse-mode gradient for the fast path (gradient.ts). Engine side only: the page builds the
 * info alone (formulaTarget.ts).
 */
export function formulaDensity(info: FormulaTargetInfo): TargetDensity {
  const compiled = compileFormula(info.ast, info.dim);
  return {
    logDensity: (tf, theta) => compiled.logDensity(tf, theta),
    logDensityGrad: formulaLogDensityGrad(info.ast, compiled.dim),
    // the typed formula is already an export expression (docs/export.md#formulas)
    exportAs: () => ({ logDensity: info.ast }),
  };
}

/**
 * The 'formula' target whole (makeFormulaTargetInfo plus formulaDensity). Throws FormulaError
 * when the formula does not parse, DomainError when the box is malformed.
 */
export function makeFormulaTarget(expr: string, domain: Domain, dim?: 1 | 2): FormulaTargetSpec {
  const info = makeFormulaTargetInfo(expr, domain, dim);
  return { ...info, ...formulaDensity(info) };
}
