import { findFamilyInfo } from '../core/families/registry';
import { findObjectiveInfo } from '../core/objectives/registry';
import type { Fallback } from '../core/flatNotes';
import type { Problem } from '../core/rules';
import { findTarget } from '../core/targets/registry';
import type { CatalogueWords } from './i18n/catalogue';

/**
 * A rules problem with the specs it names worded by the catalogue of the language on screen
 * (docs/i18n.md): core carries the English names and reasons (what the CLI and the embed API
 * print) and the specs' ids; a spec the registries do not know (the typed formula) keeps them.
 */
export function namedProblem(p: Problem, cat: CatalogueWords): Problem {
  if (!('ids' in p)) return p;
  const family = p.ids.family ? findFamilyInfo(p.ids.family) : undefined;
  const objective = p.ids.objective ? findObjectiveInfo(p.ids.objective) : undefined;
  const target = p.ids.target ? findTarget(p.ids.target) : undefined;
  const familyName = family ? cat.familyName(family) : undefined;
  const objectiveName = objective ? cat.objectiveName(objective) : undefined;
  switch (p.code) {
    case 'family-dim':
      return {
        ...p,
        family: familyName ?? p.family,
        target: target ? cat.targetName(target) : p.target,
        reason: (family && target && cat.familyUnsupportedDim(family, target.dim)) || p.reason,
      };
    case 'objective-family':
      return {
        ...p,
        family: familyName ?? p.family,
        objective: objectiveName ?? p.objective,
        reason: (family && objective && cat.objectiveUnsupported(objective, family)) || p.reason,
      };
    case 'estimator-objective':
      return { ...p, objective: objectiveName ?? p.objective };
    case 'estimator-density':
      return { ...p, family: familyName ?? p.family };
  }
}

/** A link's fallback to another family, named in the language on screen. */
export function namedFallback(f: Fallback, cat: CatalogueWords): Fallback {
  const family = f.code === 'using' && f.family ? findFamilyInfo(f.family) : undefined;
  return family && f.code === 'using' ? { ...f, value: cat.familyName(family) } : f;
}
