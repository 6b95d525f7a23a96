import { findFamily } from '../../core/families/registry';
import { findEstimator } from '../../core/objectives/estimators';
import { findObjective } from '../../core/objectives/registry';
import { resolveTarget } from '../../core/targets/resolve';
import { usePlayground } from '../../state/store';
import { GapBar } from '../metrics/GapBar';
import { familyTex } from './familyTex';
import { fitTex } from './fitTex';
import { Tex } from './Tex';

/** The folded math's content: loaded with its first opening, so the page's first JS stays small. */
export default function MathBody({ run, withGap }: { run: number; withGap: boolean }) {
  const target = usePlayground((s) => s.session.target);
  const spec = usePlayground((s) => s.session.runs[run]);
  const params = usePlayground((s) => s.runs[run]?.snapshot?.params ?? null);
  const targetSpec = resolveTarget(target);
  const family = spec && findFamily(spec.family.id);
  const objective = spec && findObjective(spec.objective.id);
  const estimator = spec && findEstimator(spec.estimator);
  if (!spec || !targetSpec || !family || !objective || !estimator) return null;
  const fit = fitTex(family.fittedBy, objective, estimator);
  return (
    <dl className="math-list">
      <dt>target (unnormalised)</dt>
      <dd>
        <Tex tex={String.raw`\log \tilde p(\theta) = ${targetSpec.tex}`} display label="the target's log density" testId="math-target" />
      </dd>
      <dt>
        family: {family.name}
        {params ? ', now' : ''}
      </dt>
      <dd>
        {params ? (
          <Tex tex={familyTex(family.id, params, targetSpec.dim)} display label="q with its current parameters" testId="math-family" />
        ) : (
          <span className="fineprint">waiting for the first step…</span>
        )}
      </dd>
      <dt>{fit.objectiveLabel}</dt>
      <dd>
        <Tex tex={fit.objective} display label="the objective" testId="math-objective" />
      </dd>
      {fit.estimator && (
        <>
          <dt>{fit.estimatorLabel}</dt>
          <dd>
            <Tex tex={fit.estimator} display label="the gradient estimator" testId="math-estimator" />
            {fit.note && <p className="fineprint">{fit.note}</p>}
          </dd>
        </>
      )}
      {withGap && (
        <>
          <dt>log Z = ELBO + KL(q‖p)</dt>
          <dd>
            <GapBar run={run} />
          </dd>
        </>
      )}
    </dl>
  );
}
