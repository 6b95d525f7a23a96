import { inferDim } from './formula/ast';
import { checkFormula } from './formula/check';
import { DomainError, parseDomain } from './formula/domain';
import { FormulaError } from './formula/errors';
import { parseFormula } from './formula/parser';
import { type FlatMessage, type FlatNote, MAX_LISTED } from './flatNotes';
import { echo } from './numbers';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN } from './targets/resolve';
import type { Domain } from './targets/types';

/**
 * Helpers of the flat (link / CLI) reader in config.ts: reading keys without touching the
 * prototype, summing up unknown keys, and the formula target's text and box.
 */

export type Flat = Readonly<Record<string, string | undefined>>;

/**
 * The value under `key`, own properties only: a link may name "__proto__", "constructor" or
 * "toString", which a plain `flat[key]` would answer from Object.prototype.
 */
export function own(flat: Flat, key: string): string | undefined {
  return Object.hasOwn(flat, key) ? flat[key] : undefined;
}

/** One note for all unknown keys (null when there are none): a few names, echoed, and their count. */
export function unknownSettings(unknown: readonly string[], known: Iterable<string>): FlatNote | null {
  if (unknown.length === 0) return null;
  const names = unknown.slice(0, MAX_LISTED + 1).map((n) => echo(n));
  return { message: { code: 'unknown-settings', names, count: unknown.length, valid: [...known] }, fallback: null };
}

let verdictCache: { key: string; fatal: readonly string[] } | null = null;

/**
 * Why a formula cannot be a target on its box (check.ts's fatal problems), or [] when it can.
 * Cached for the last formula and box: the strict schema and the UI ask again on every change,
 * and the check evaluates the formula on the whole quadrature grid.
 */
export function formulaUnusable(formula: string, domain: Domain): readonly string[] {
  const key = `${formula}|${JSON.stringify(domain)}`;
  if (verdictCache?.key !== key) verdictCache = { key, fatal: checkFormula(parseFormula(formula), domain, undefined, formula).fatal };
  return verdictCache.fatal;
}

/**
 * The formula and its box from the flat form, or the reason (one sentence) why they cannot be a
 * target: a parse error, a bad box, or a formula that is undefined, infinite or zero on it.
 */
export function readFormula(flat: Flat): { formula: string; domain: Domain } | { error: FlatMessage } {
  const text = own(flat, 'formula') ?? DEFAULT_FORMULA;
  const domainText = own(flat, 'domain');
  try {
    const dim = inferDim(parseFormula(text));
    const domain = domainText !== undefined ? parseDomain(domainText, dim) : dim === 1 ? { x: DEFAULT_FORMULA_DOMAIN.x } : DEFAULT_FORMULA_DOMAIN;
    const fatal = formulaUnusable(text, domain);
    if (fatal.length > 0) return { error: { code: 'formula', formula: echo(text), reason: fatal[0] } };
    return { formula: text, domain };
  } catch (e) {
    if (e instanceof DomainError) return { error: { code: 'text', text: e.message } };
    if (e instanceof FormulaError) return { error: { code: 'formula', formula: echo(text), reason: e.message } };
    throw e;
  }
}
