import { useId } from 'react';
import { incompatibility } from '../../core/rules';
import { findFamily } from '../../core/families/registry';
import { estimators } from '../../core/objectives/estimators';
import { findObjective, objectives } from '../../core/objectives/registry';
import type { EstimatorId } from '../../core/objectives/types';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { wordProblem } from '../../words/problems';
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
  if (!spec0) return null;
  const { objective, estimator } = spec0;
  const family = findFamily(spec0.family.id);
  const spec = findObjective(objective.id);
  if (!family || !spec) return null;
  if (family.fittedBy !== 'objective') {
    return (
      <p className="describe" data-part="objective">
        {family.fittedBy === 'map'
          ? `${family.name} is fitted by maximising log p̃ at one point (MAP); the objective and estimator do not apply.`
          : `${family.name} moves its particles by its own update rule; the objective and estimator do not apply.`}
      </p>
    );
  }
  return (
    <div data-part="objective">
      <label className="picker" htmlFor={objectiveId}>
        <span>objective</span>
        <select id={objectiveId} value={objective.id} onChange={(e) => actions.setObjective(run, e.currentTarget.value)}>
          {objectives.map((o) => {
            const why = o.unsupported(family);
            return (
              <option key={o.id} value={o.id} disabled={why !== null} title={why ?? o.description}>
                {o.name}
              </option>
            );
          })}
        </select>
      </label>
      <p className="describe">{spec.description}</p>
      {spec.options.map((o) => (
        <ParamSlider key={o.name} spec={o} value={objective.options[o.name] ?? o.default} onChange={(v) => actions.setObjectiveOption(run, o.name, v)} />
      ))}
      <label className="picker" htmlFor={estimatorId}>
        <span>gradient estimator</span>
        <select id={estimatorId} value={estimator} onChange={(e) => actions.setEstimator(run, e.currentTarget.value as EstimatorId)}>
          {estimators.map((e) => {
            const why = incompatibility(family, spec, e.id);
            return (
              <option key={e.id} value={e.id} disabled={why !== null} title={why ? wordProblem(why) : e.description}>
                {e.name}
              </option>
            );
          })}
        </select>
      </label>
    </div>
  );
}
