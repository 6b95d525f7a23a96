import { useEffect, useId, useMemo, useState } from 'react';
import { checkFormulaTarget } from '../../core/formula/check';
import { DomainError, formatDomain, parseDomain } from '../../core/formula/domain';
import { FormulaError, renderCaret } from '../../core/formula/errors';
import { inferDim } from '../../core/formula/ast';
import { parseFormula } from '../../core/formula/parser';
import type { Domain } from '../../core/targets/types';
import { actions } from '../../state/controller';
import { type FormulaWords, useFormulaWords } from '../i18n/formulaWords';
import { useWords } from '../i18n/words';
import type { DomainProblem, FormulaIssue, FormulaProblem } from '../../core/formula/problems';

const APPLY_AFTER_MS = 400;

/** What is wrong, as codes (core/formula/problems.ts), worded at render in the language on screen. */
type Verdict =
  | { kind: 'ok'; formula: string; domain: Domain; problems: FormulaIssue[] }
  | { kind: 'error'; message: FormulaMessage; caret: string | null };

type FormulaMessage =
  | { kind: 'issues'; issues: FormulaIssue[] }
  | { kind: 'formula'; problem: FormulaProblem }
  | { kind: 'domain'; problem: DomainProblem }
  | { kind: 'other'; text: string };

function word(m: FormulaMessage, fw: FormulaWords): string {
  switch (m.kind) {
    case 'issues':
      return m.issues.map(fw.issue).join(' ');
    case 'formula':
      return fw.problem(m.problem);
    case 'domain':
      return fw.domain(m.problem);
    case 'other':
      return m.text;
  }
}

/** Parse and check without touching the run: a typo is shown, never applied, and loses nothing. */
function judge(formula: string, domainText: string): Verdict {
  try {
    const dim = inferDim(parseFormula(formula));
    const domain = parseDomain(domainText, dim);
    const report = checkFormulaTarget(formula, domain, dim);
    // Unusable (undefined, infinite or zero on the box): shown, never applied, as the link refuses it too.
    if (report.fatalIssues.length > 0) return { kind: 'error', message: { kind: 'issues', issues: report.fatalIssues }, caret: null };
    return { kind: 'ok', formula, domain, problems: report.issues };
  } catch (e) {
    if (e instanceof FormulaError) return { kind: 'error', message: { kind: 'formula', problem: e.problem }, caret: renderCaret(formula, e.position) };
    if (e instanceof DomainError) return { kind: 'error', message: { kind: 'domain', problem: e.problem }, caret: null };
    return { kind: 'error', message: { kind: 'other', text: String(e) }, caret: null };
  }
}

/**
 * The user's own log p̃(x[, y]). Edits are applied a moment after typing stops, and only when
 * they parse; errors point at the column, and a formula that is undefined on much of the box or
 * piles its mass at the edge is flagged before anyone trusts a fit to it.
 */
export function FormulaEditor({ formula, domain }: { formula: string; domain: Domain }) {
  const [text, setText] = useState(formula);
  const [domainText, setDomainText] = useState(formatDomain(domain));
  const id = useId();
  const w = useWords();
  const fw = useFormulaWords();
  const verdict = useMemo(() => judge(text, domainText), [text, domainText]);

  useEffect(() => {
    if (verdict.kind !== 'ok') return;
    if (verdict.formula === formula && formatDomain(verdict.domain) === formatDomain(domain)) return;
    const timer = setTimeout(() => actions.setFormula(verdict.formula, verdict.domain), APPLY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [verdict, formula, domain]);

  return (
    <div className="formula-editor">
      <label htmlFor={`${id}-f`} className="picker">
        <span>log p̃(x, y) =</span>
      </label>
      <textarea
        id={`${id}-f`}
        aria-label={w.ctlFormulaName}
        spellCheck={false}
        rows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        aria-invalid={verdict.kind === 'error'}
      />
      <label htmlFor={`${id}-d`} className="picker">
        <span>{w.ctlDomainLabel}</span>
        <input id={`${id}-d`} aria-label={w.ctlDomainName} value={domainText} onChange={(e) => setDomainText(e.currentTarget.value)} />
      </label>
      {verdict.kind === 'error' ? (
        <div className="formula-error" role="alert">
          {verdict.caret && <pre>{verdict.caret}</pre>}
          <p>{word(verdict.message, fw)}</p>
          <p className="fineprint">{w.ctlFormulaKept}</p>
        </div>
      ) : (
        verdict.problems.map((p) => (
          <p key={p.code} className="caveat" role="status">
            {fw.issue(p)}
          </p>
        ))
      )}
      <p className="fineprint">{w.ctlFormulaHelp}</p>
    </div>
  );
}
