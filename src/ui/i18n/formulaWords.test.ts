import { describe, expect, it } from 'vitest';
import { checkFormulaTarget } from '../../core/formula/check';
import { DomainError, parseDomain } from '../../core/formula/domain';
import { FormulaError } from '../../core/formula/errors';
import { parseFormula } from '../../core/formula/parser';
import { compileFormula } from '../../core/formula/compile';
import { englishFormulaWords } from './formulaWords';
import { zhFormula } from './zh/formula';

const HAN = /[\u4e00-\u9fff]/;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

// One formula per code of FormulaProblem (tsc checks each language words every code; this checks the words).
const BAD_FORMULAS = ['x'.repeat(2001), '1e', '1.2.3', '1e999', 'x # y', `${'x^'.repeat(90)}x`, '', 'x)', 'x, y', `${'('.repeat(200)}x${')'.repeat(200)}`, '2x', 'x +', 'x + *', '(x', 'exp', 'lgo(x)', 'z', 'log(x, y)'];
const BAD_DOMAINS: [string, 1 | 2][] = [['', 1], ['1', 1], [',6', 1], ['-6,abc', 1], ['6,-6', 1], ['-1e7,1e7', 1], ['1000,1000.01', 1]];

describe('the formula box’s messages', () => {
  it('word every parse and domain problem in 简体中文, keeping the column', () => {
    const codes = new Set<string>();
    for (const src of BAD_FORMULAS) {
      const e = thrown(() => parseFormula(src));
      expect(e, src).toBeInstanceOf(FormulaError);
      const p = (e as FormulaError).problem;
      codes.add(p.code);
      expect(englishFormulaWords.problem(p)).toBe((e as FormulaError).message);
      expect(zhFormula.problem(p), src).toMatch(HAN);
      if ('pos' in p) expect(zhFormula.problem(p)).toContain(`第 ${p.pos + 1} 列`);
    }
    const y = thrown(() => compileFormula(parseFormula('x + y'), 1)) as FormulaError;
    codes.add(y.problem.code);
    expect(zhFormula.problem(y.problem)).toContain('一维');
    expect(codes.size).toBe(BAD_FORMULAS.length + 1);
    for (const [text, dim] of BAD_DOMAINS) {
      const e = thrown(() => parseDomain(text, dim));
      expect(e, text).toBeInstanceOf(DomainError);
      expect(englishFormulaWords.domain((e as DomainError).problem)).toBe((e as DomainError).message);
      expect(zhFormula.domain((e as DomainError).problem), text).toMatch(/^定义域/);
    }
  });
  it('word the density check’s findings in 简体中文, with the same numbers as the English', () => {
    for (const [src, domain] of [['log(x)', { x: [-1, 1] }], ['x^2', { x: [-3, 3] }], ['exp(exp(x))', { x: [-6, 6] }], ['-x^2 + 0*log(1 - x^2)', { x: [-2, 2] }]] as const) {
      const report = checkFormulaTarget(src, domain);
      expect(report.issues.length, src).toBeGreaterThan(0);
      report.issues.forEach((issue, k) => {
        expect(englishFormulaWords.issue(issue)).toBe(report.problems[k]);
        const zh = zhFormula.issue(issue);
        expect(zh, src).toMatch(HAN);
        for (const n of report.problems[k].match(/\d+(\.\d+)? %/g) ?? []) expect(zh).toContain(n);
      });
    }
  });
});
