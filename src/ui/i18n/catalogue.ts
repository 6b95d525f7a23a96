import { useMemo } from 'react';
import type { FamilyInfo } from '../../core/families/types';
import { FORMULA_TARGET_ID } from '../../core/formula/formulaTarget';
import type { EstimatorId, EstimatorSpec, ObjectiveInfo } from '../../core/objectives/types';
import type { ParamSpec } from '../../core/params';
import type { TargetInfo } from '../../core/targets/types';
import { useZhTables } from './zhTables';

/**
 * The catalogue's words (docs/i18n.md): targets, families, objectives and estimators. English is
 * each spec's own (adding a target stays one file); another language is a table keyed by id in
 * that language's lazily loaded chunk (zh/catalogue.ts), and catalogue.test.ts fails when an id,
 * a slider or an option lacks an entry there, or when an entry names nothing registered.
 */
export interface ParamWords {
  readonly label: string;
  readonly help?: string;
}

export interface TargetWords {
  readonly name: string;
  readonly description: string;
  readonly caveat?: string;
  readonly source?: string;
  /** By the slider's name. */
  readonly params?: Readonly<Record<string, ParamWords>>;
}

/** The typed-formula target, whose description quotes the formula. */
export interface FormulaTargetWords {
  readonly name: string;
  readonly description: (formula: string) => string;
  readonly caveat: string;
}

export interface FamilyWords {
  readonly name: string;
  readonly description: string;
  readonly options?: Readonly<Record<string, ParamWords>>;
  /** The family's unsupportedDim sentence, for the dimensions it refuses. */
  readonly unsupportedDim?: string;
}

export interface ObjectiveWords {
  readonly name: string;
  readonly description: string;
  readonly options?: Readonly<Record<string, ParamWords>>;
  /** The objective's unsupported(family) sentence, given the family's name in this language. */
  readonly unsupported?: (family: string) => string;
}

export interface NamedWords {
  readonly name: string;
  readonly description: string;
}

/** One language's catalogue; ids are the specs' ids. */
export interface CatalogueTable {
  readonly targets: Readonly<Record<string, TargetWords>>;
  readonly formula: FormulaTargetWords;
  readonly families: Readonly<Record<string, FamilyWords>>;
  readonly objectives: Readonly<Record<string, ObjectiveWords>>;
  readonly estimators: Readonly<Record<EstimatorId, NamedWords>>;
  /** The run's own sliders (learning rate, samples per step) and the player's speed, by name. */
  readonly run: Readonly<Record<string, ParamWords>>;
}

/** What components ask: each spec's words in the language on screen, the spec's English else. */
export interface CatalogueWords {
  targetName(t: TargetInfo): string;
  targetDescription(t: TargetInfo): string;
  targetCaveat(t: TargetInfo): string | undefined;
  targetSource(t: TargetInfo): string | undefined;
  /** The slider's spec with its label and help in this language (bounds untouched). */
  targetParam(t: TargetInfo, p: ParamSpec): ParamSpec;
  familyName(f: FamilyInfo): string;
  familyDescription(f: FamilyInfo): string;
  familyOption(f: FamilyInfo, p: ParamSpec): ParamSpec;
  familyUnsupportedDim(f: FamilyInfo, dim: number): string | null;
  objectiveName(o: ObjectiveInfo): string;
  objectiveDescription(o: ObjectiveInfo): string;
  objectiveOption(o: ObjectiveInfo, p: ParamSpec): ParamSpec;
  objectiveUnsupported(o: ObjectiveInfo, f: FamilyInfo): string | null;
  estimatorName(e: EstimatorSpec): string;
  estimatorDescription(e: EstimatorSpec): string;
  runParam(p: ParamSpec): ParamSpec;
}

const withWords = (p: ParamSpec, w: ParamWords | undefined): ParamSpec => (w ? { ...p, label: w.label, help: w.help ?? p.help } : p);

const isFormula = (t: TargetInfo): t is TargetInfo & { readonly formula: string } => t.id === FORMULA_TARGET_ID && 'formula' in t;

/** The accessor over one table; null is English, the specs' own words. */
export function catalogueWords(table: CatalogueTable | null): CatalogueWords {
  const target = (t: TargetInfo) => table?.targets[t.id];
  const family = (f: FamilyInfo) => table?.families[f.id];
  const objective = (o: ObjectiveInfo) => table?.objectives[o.id];
  return {
    targetName: (t) => (isFormula(t) ? table?.formula.name : target(t)?.name) ?? t.name,
    targetDescription: (t) =>
      (isFormula(t) ? table?.formula.description(t.formula.trim().replace(/\s+/g, ' ')) : target(t)?.description) ?? t.description,
    targetCaveat: (t) => (t.caveat && ((isFormula(t) ? table?.formula.caveat : target(t)?.caveat) ?? t.caveat)) || undefined,
    targetSource: (t) => (t.source && (target(t)?.source ?? t.source)) || undefined,
    targetParam: (t, p) => withWords(p, target(t)?.params?.[p.name]),
    familyName: (f) => family(f)?.name ?? f.name,
    familyDescription: (f) => family(f)?.description ?? f.description,
    familyOption: (f, p) => withWords(p, family(f)?.options?.[p.name]),
    familyUnsupportedDim: (f, dim) => {
      const reason = f.unsupportedDim?.(dim) ?? null;
      return reason && (family(f)?.unsupportedDim ?? reason);
    },
    objectiveName: (o) => objective(o)?.name ?? o.name,
    objectiveDescription: (o) => objective(o)?.description ?? o.description,
    objectiveOption: (o, p) => withWords(p, objective(o)?.options?.[p.name]),
    objectiveUnsupported: (o, f) => {
      const reason = o.unsupported(f);
      const word = objective(o)?.unsupported;
      return reason && word ? word(family(f)?.name ?? f.name) : reason;
    },
    estimatorName: (e) => table?.estimators[e.id]?.name ?? e.name,
    estimatorDescription: (e) => table?.estimators[e.id]?.description ?? e.description,
    runParam: (p) => withWords(p, table?.run[p.name]),
  };
}

export const englishCatalogue: CatalogueWords = catalogueWords(null);

/** The catalogue's words in the language on screen; English for the moment a switch takes to load. */
export function useCatalogueWords(): CatalogueWords {
  const table = useZhTables()?.zhCatalogue ?? null;
  return useMemo(() => catalogueWords(table), [table]);
}
