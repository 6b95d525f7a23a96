import { lazy, Suspense, useEffect } from 'react';
import { findFamilyInfo } from '../../core/families/registry';
import { explainActions } from '../../state/explainActions';
import { usePlayground } from '../../state/store';
import { useCatalogueWords } from '../i18n/catalogue';
import { useWords } from '../i18n/words';

// The stepper's controls and words load with its first use (issue 9's page-JS budget).
const Stepper = lazy(() => import('./Stepper'));

/**
 * Under run 0's plot: the gradient arrows' switch and the step-through, which walks one step's
 * stages in turn while paused (the learner presses "next stage", or lets it advance every 1.5 s).
 * The stages draw the 300 fixed display draws; the step itself uses its own fresh draws.
 */
export function ExplainBar() {
  const explain = usePlayground((s) => s.explain);
  const playing = usePlayground((s) => s.playing);
  const family = findFamilyInfo(usePlayground((s) => s.session.runs[0]?.family.id ?? ''));
  const stage = explain.stage;
  const w = useWords();
  const cat = useCatalogueWords();
  // Playing again ends the step-through: its stages describe one paused step.
  useEffect(() => {
    if (playing && stage !== null) explainActions.stopStepThrough();
  }, [playing, stage]);
  const steppable = family?.fittedBy === 'objective';
  return (
    <div className="explain-bar" data-part="plot">
      <label className="toggle">
        <input type="checkbox" data-testid="show-gradients" checked={explain.gradients} onChange={(e) => explainActions.setGradients(e.currentTarget.checked)} />
        <span>{w.explainGradients}</span>
      </label>
      {stage === null ? (
        <button
          type="button"
          data-testid="step-through"
          onClick={explainActions.startStepThrough}
          disabled={!steppable}
          title={steppable ? w.explainWalkTitle : w.explainNotSteppable(family ? cat.familyName(family) : w.explainThisFamily)}
        >
          {w.explainWalk}
        </button>
      ) : (
        <Suspense fallback={null}>
          <Stepper stage={stage} />
        </Suspense>
      )}
    </div>
  );
}
