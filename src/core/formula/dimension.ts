import { type Expr, inferDim, variablesOf } from './ast';
import { FormulaError } from './errors';

/**
 * The dimension a formula's target has: inferred (2 when y appears) unless given; asking for 1D
 * when the formula uses y is a FormulaError pointing at the y. Shared by the page's info and check
 * (formulaTarget.ts, check.ts) and the engine's compile (compile.ts), so both agree.
 */
export function formulaDim(ast: Expr, dim: 1 | 2 = inferDim(ast)): 1 | 2 {
  const y = variablesOf(ast).get('y');
  if (dim === 1 && y) {
    throw new FormulaError({ code: 'y-in-1d', pos: y.start }, y.start);
  }
  return dim;
}
