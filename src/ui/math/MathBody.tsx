import { findFamilyInfo } from '../../core/families/registry';
import { findEstimator } from '../../core/objectives/estimators';
import { findObjectiveInfo } from '../../core/objectives/registry';
import { resolveTargetInfo } from '../../core/targets/resolve';
import { usePlayground } from '../../state/store';
import { useCatalogueWords } from '../i18n/catalogue';
import { useWords } from '../i18n/words';
import { GapBar } from '../metrics/GapBar';
import { familyTex } from './familyTex';
import { fitTex } from './fitTex';
import { Tex } from './Tex';

/** The folded math's content: loaded with its first opening, so the page's first JS stays small. */
export default function MathBody({ run, withGap }: { run: number; withGap: boolean }) {
  const target = usePlayground((s) => s.session.target);
  const spec = usePlayground((s) => s.session.runs[run]);
  const params = usePlayground((s) => s.runs[run]?.snapshot?.params ?? null);
  const w = useWords();
  const cat = useCatalogueWords();
  const targetSpec = resolveTargetInfo(target);
  const family = spec && findFamilyInfo(spec.family.id);
  const objective = spec && findObjectiveInfo(spec.objective.id);
  const estimator = spec && findEstimator(spec.estimator);
  if (!spec || !targetSpec || !family || !objective || !estimator) return null;
  const fit = fitTex(family.fittedBy, objective, estimator, w, { objective: cat.objectiveName(objective), estimator: cat.estimatorName(estimator) });
  return (
    <dl className="math-list">
      <dt>{w.mathTarget}</dt>
      <dd>
        <Tex tex={String.raw`\log \tilde p(\theta) = ${targetSpec.tex}`} display label={w.mathTargetLabel} testId="math-target" />
      </dd>
      <dt>{params ? w.mathFamilyNow(cat.familyName(family)) : w.mathFamily(cat.familyName(family))}</dt>
      <dd>
        {params ? (
          <Tex tex={familyTex(family.id, params, targetSpec.dim)} display label={w.mathFamilyLabel} testId="math-family" />
        ) : (
          <span className="fineprint">{w.mathWaiting}</span>
        )}
      </dd>
      <dt>{fit.objectiveLabel}</dt>
      <dd>
        <Tex tex={fit.objective} display label={w.mathObjectiveLabel} testId="math-objective" />
      </dd>
      {fit.estimator && (
        <>
          <dt>{fit.estimatorLabel}</dt>
          <dd>
            <Tex tex={fit.estimator} display label={w.mathEstimatorLabel} testId="math-estimator" />
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
