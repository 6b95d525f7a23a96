import { type DomainProblem, domainMessage, type FormulaIssue, type FormulaProblem, formulaMessage, issueMessage } from '../../core/formula/problems';
import { useZhTables } from './zhTables';

/**
 * The formula box's messages (docs/i18n.md): core/formula says what is wrong as codes
 * (problems.ts), and each language words them: English beside the codes (the CLI and the link
 * reader read it too), 简体中文 in the zh chunk (zh/formula.ts).
 */
export interface FormulaWords {
  problem(p: FormulaProblem): string;
  issue(i: FormulaIssue): string;
  domain(p: DomainProblem): string;
}

export const englishFormulaWords: FormulaWords = { problem: formulaMessage, issue: issueMessage, domain: domainMessage };

/** The formula box's messages in the language on screen. */
export function useFormulaWords(): FormulaWords {
  return useZhTables()?.zhFormula ?? englishFormulaWords;
}
