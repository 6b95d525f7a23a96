import { FORMULA_TARGET_ID } from '../formula/formulaTarget';
import { makeFormulaTarget } from '../formula/formulaDensity';
import { targetDensities } from './densities';
import { targets } from './registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, type TargetChoice } from './resolve';
import type { TargetInfo, TargetSpec } from './types';

/**
 * Every catalogue target whole, info and density, in picker order: for the engine side only (the
 * page reads registry.ts and resolve.ts, which carry no density code).
 */
export const targetSpecs: readonly TargetSpec[] = targets.flatMap((info) => {
  const density = targetDensities[info.id];
  return density ? [{ ...info, ...density }] : [];
});

export function findTargetSpec(id: string): TargetSpec | undefined {
  return targetSpecs.find((t) => t.id === id);
}

let cache: { key: string; spec: TargetSpec } | null = null;

/**
 * The TargetSpec a config names: from the catalogue, or compiled from the user's formula (cached,
 * since the explain overlays ask on every render). Throws FormulaError / DomainError for a bad
 * formula. The page's counterpart, which returns the info only, is resolveTargetInfo (resolve.ts).
 */
export function resolveTarget(choice: TargetChoice): TargetSpec | undefined {
  if (choice.id !== FORMULA_TARGET_ID) return findTargetSpec(choice.id);
  const formula = choice.formula ?? DEFAULT_FORMULA;
  const domain = choice.domain ?? DEFAULT_FORMULA_DOMAIN;
  const key = `${formula}|${JSON.stringify(domain)}`;
  if (cache?.key !== key) cache = { key, spec: makeFormulaTarget(formula, domain) };
  return cache.spec;
}

/** The whole spec of a catalogue target given its info (tests build specs from the info they import). */
export function targetSpec(info: TargetInfo): TargetSpec {
  const spec = findTargetSpec(info.id);
  if (!spec) throw new Error(`no density for target ${info.id} in densities.ts`);
  return spec;
}
