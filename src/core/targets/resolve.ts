import { FORMULA_TARGET_ID, makeFormulaTargetInfo } from '../formula/formulaTarget';
import { findTarget } from './registry';
import type { Domain, TargetInfo } from './types';

/** The target part of a RunConfig: a catalogue id, or 'formula' with the user's text and box. */
export interface TargetChoice {
  readonly id: string;
  readonly params: Readonly<Record<string, number>>;
  readonly formula?: string;
  readonly domain?: Domain;
}

export const DEFAULT_FORMULA =
  'logsumexp(normal_lpdf(x, -2, 0.8) + normal_lpdf(y, 1, 1), normal_lpdf(x, 2, 0.6) + normal_lpdf(y, -1, 0.6))';
export const DEFAULT_FORMULA_DOMAIN: Domain = { x: [-6, 6], y: [-6, 6] };

let cache: { key: string; info: TargetInfo } | null = null;

/**
 * The TargetInfo a config names: from the registry, or built from the user's formula (parsed and
 * cached, since the UI asks on every render). Throws FormulaError / DomainError for a bad formula.
 * The page's lookup: it reaches no density code. The engine's, which returns the whole TargetSpec,
 * is resolveTarget (resolveSpec.ts).
 */
export function resolveTargetInfo(choice: TargetChoice): TargetInfo | undefined {
  if (choice.id !== FORMULA_TARGET_ID) return findTarget(choice.id);
  const formula = choice.formula ?? DEFAULT_FORMULA;
  const domain = choice.domain ?? DEFAULT_FORMULA_DOMAIN;
  const key = `${formula}|${JSON.stringify(domain)}`;
  if (cache?.key !== key) cache = { key, info: makeFormulaTargetInfo(formula, domain) };
  return cache.info;
}
