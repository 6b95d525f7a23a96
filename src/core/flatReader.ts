import { inferDim } from './formula/ast';
import { checkFormula } from './formula/check';
import { DomainError, parseDomain } from './formula/domain';
import { FormulaError } from './formula/errors';
import { parseFormula } from './formula/parser';
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

/** At most this many unknown names are listed, in at most this many characters. */
const MAX_LISTED = 10;
const MAX_LIST_CHARS = 200;

/** "a", "b", … quoted and cut, so 100,000 junk keys make one short sentence, not megabytes. */
function listNames(names: readonly string[]): string {
  let text = '';
  let shown = 0;
  for (const n of names) {
    const item = `"${echo(n)}"`;
    if (shown === MAX_LISTED || text.length + item.length > MAX_LIST_CHARS) break;
    text += shown === 0 ? item : `, ${item}`;
    shown++;
  }
  return shown < names.length ? `${text}, …` : text;
}

/** One notice and one error for all unknown keys (null when there are none). */
export function unknownSettings(unknown: readonly string[], known: Iterable<string>): { problem: string; error: string } | null {
  if (unknown.length === 0) return null;
  const valid = [...known].join(', ');
  if (unknown.length === 1) {
    const name = echo(unknown[0]);
    return { problem: `ignored unknown setting "${name}".`, error: `unknown setting "${name}"; valid: ${valid}` };
  }
  const list = listNames(unknown);
  return { problem: `${unknown.length} unknown settings ignored: ${list}.`, error: `${unknown.length} unknown settings: ${list}; valid: ${valid}` };
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
export function readFormula(flat: Flat): { formula: string; domain: Domain } | { error: string } {
  const text = own(flat, 'formula') ?? DEFAULT_FORMULA;
  const domainText = own(flat, 'domain');
  const quoted = `formula "${echo(text)}"`;
  try {
    const dim = inferDim(parseFormula(text));
    const domain = domainText !== undefined ? parseDomain(domainText, dim) : dim === 1 ? { x: DEFAULT_FORMULA_DOMAIN.x } : DEFAULT_FORMULA_DOMAIN;
    const fatal = formulaUnusable(text, domain);
    if (fatal.length > 0) return { error: `${quoted}: ${fatal[0]}` };
    return { formula: text, domain };
  } catch (e) {
    if (e instanceof DomainError) return { error: e.message };
    if (e instanceof FormulaError) return { error: `${quoted}: ${e.message}` };
    throw e;
  }
}
