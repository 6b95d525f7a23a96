// The formula module's public surface: parse, compile, evaluate, print and check user formulas.
export type { BinaryOp, Expr, FunctionName } from './ast';
export { FUNCTION_NAMES, FUNCTIONS, inferDim, variablesOf } from './ast';
export { checkFormula, checkFormulaTarget, type FormulaReport } from './check';
export { formulaDim } from './dimension';
export { type CompiledFormula, compileFormula } from './compile';
export { DomainError, formatDomain, parseDomain, validateDomain } from './domain';
export { FormulaError, renderCaret } from './errors';
export { evaluate, explainNonFinite, type Point } from './evaluate';
export { type FormulaTargetSpec, formulaDensity, makeFormulaTarget } from './formulaDensity';
export { FORMULA_TARGET_ID, type FormulaTargetInfo, makeFormulaTargetInfo } from './formulaTarget';
export { MAX_FORMULA_LENGTH } from './lexer';
export { MAX_FORMULA_NODES, parseFormula } from './parser';
export { toTex } from './tex';
