import { useId } from 'react';
import { incompatibility } from '../../core/rules';
import { findFamilyInfo } from '../../core/families/registry';
import { estimators, findEstimator } from '../../core/objectives/estimators';
import { findObjectiveInfo, objectives } from '../../core/objectives/registry';
import type { EstimatorId, ObjectiveInfo } from '../../core/objectives/types';
import type { FamilyInfo } from '../../core/families/types';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import type { Problem } from '../../core/rules';
import { type CatalogueWords, useCatalogueWords } from '../i18n/catalogue';
import { type Words, useWords } from '../i18n/words';
import { ParamSlider } from './ParamSlider';

/**
 * What q is fitted to and how its gradient is estimated. Choices that cannot work with the chosen
 * family are disabled with the reason as their tooltip; families with their own fitting rule
 * (MAP, SVGD) say so instead.
 */
export function ObjectiveSection({ run }: { run: number }) {
  const spec0 = usePlayground((s) => s.session.runs[run]);
  const objectiveId = useId();
  const estimatorId = useId();
  const w = useWords();
  const c = useCatalogueWords();
  if (!spec0) return null;
  const { objective, estimator } = spec0;
  const family = findFamilyInfo(spec0.family.id);
  const spec = findObjectiveInfo(objective.id);
  if (!family || !spec) return null;
  if (family.fittedBy !== 'objective') {
    return (
      <p className="describe" data-part="objective">
        {family.fittedBy === 'map' ? w.ctlFittedByMap(c.familyName(family)) : w.ctlFittedByOwn(c.familyName(family))}
      </p>
    );
  }
  return (
    <div data-part="objective">
      <label className="picker" htmlFor={objectiveId}>
        <span>{w.ctlObjective}</span>
        <select id={objectiveId} value={objective.id} onChange={(e) => actions.setObjective(run, e.currentTarget.value)}>
          {objectives.map((o) => {
            const why = c.objectiveUnsupported(o, family);
            return (
              <option key={o.id} value={o.id} disabled={why !== null} title={why ?? c.objectiveDescription(o)}>
                {c.objectiveName(o)}
              </option>
            );
          })}
        </select>
      </label>
      <p className="describe">{c.objectiveDescription(spec)}</p>
      {spec.options.map((o) => (
        <ParamSlider key={o.name} spec={c.objectiveOption(spec, o)} value={objective.options[o.name] ?? o.default} onChange={(v) => actions.setObjectiveOption(run, o.name, v)} />
      ))}
      <label className="picker" htmlFor={estimatorId}>
        <span>{w.ctlEstimator}</span>
        <select id={estimatorId} value={estimator} onChange={(e) => actions.setEstimator(run, e.currentTarget.value as EstimatorId)}>
          {estimators.map((e) => {
            const why = incompatibility(family, spec, e.id);
            return (
              <option key={e.id} value={e.id} disabled={why !== null} title={why ? whyNot(why, family, spec, w, c) : c.estimatorDescription(e)}>
                {c.estimatorName(e)}
              </option>
            );
          })}
        </select>
      </label>
    </div>
  );
}

/**
 * Why an estimator is greyed out, for its tooltip, in the language on screen: worded here from
 * the specs at hand, since the rule's problem carries English names.
 */
function whyNot(p: Problem, family: FamilyInfo, objective: ObjectiveInfo, w: Words, c: CatalogueWords): string {
  switch (p.code) {
    case 'objective-family':
      return c.objectiveUnsupported(objective, family) ?? p.reason;
    case 'estimator-objective': {
      const names = objective.estimators.map((id) => {
        const e = findEstimator(id);
        return e ? c.estimatorName(e) : id;
      });
      return w.ctlEstimatorNotFor(c.objectiveName(objective), names.join(', '));
    }
    case 'estimator-density':
      return w.ctlEstimatorNeedsDensity(c.familyName(family));
    default:
      return '';
  }
}
