import { useEffect, useState } from 'react';
import { explainActions } from '../../state/explainActions';
import { STEP_STAGES, type StepStage, usePlayground } from '../../state/store';
import { formatCount, formatValue } from '../format';
import { useWords, type Words } from '../i18n/words';

/** Auto-advance: slow enough to follow each stage (docs/math.md#see-the-gradient). */
const AUTO_MS = 1500;

const stageNames = (w: Words): Record<StepStage, string> => ({ noise: w.stageNoise, push: w.stagePush, score: w.stageScore, move: w.stageMove });

/** The mean before → after the step, so a small move still reads as numbers. */
function meanMove(before: readonly number[] | undefined, after: readonly number[] | undefined, w: Words): string {
  if (!before || !after) return '';
  const v = (m: readonly number[]) => (m.length === 1 ? formatValue(m[0]) : `(${m.map(formatValue).join(', ')})`);
  return w.stageMeanMove(v(before), v(after));
}

function stageText(stage: StepStage, samples: number, step: number, w: Words): string {
  switch (stage) {
    case 'noise':
      return w.stageNoiseText;
    case 'push':
      return w.stagePushText;
    case 'score':
      return w.stageScoreText;
    case 'move':
      return w.stageMoveText(formatCount(step), formatCount(samples));
  }
}

/** The step-through's stages, its buttons and what the current stage shows (docs/math.md#see-the-gradient). */
export default function Stepper({ stage }: { stage: StepStage }) {
  const explain = usePlayground((s) => s.explain);
  const step = usePlayground((s) => s.runs[0]?.snapshot?.step ?? 0);
  const samples = usePlayground((s) => s.session.runs[0]?.samples ?? 0);
  const mean = usePlayground((s) => s.runs[0]?.snapshot?.mean);
  const [auto, setAuto] = useState(false);
  const w = useWords();
  const names = stageNames(w);
  useEffect(() => {
    if (!auto || stage === null) return;
    const id = window.setInterval(explainActions.nextStage, AUTO_MS);
    return () => window.clearInterval(id);
  }, [auto, stage]);
  return (
    <div className="stepper" data-testid="stepper" data-stage={stage}>
          <ol className="stages">
            {STEP_STAGES.map((s, i) => (
              <li key={s} className={s === stage ? 'current' : undefined} aria-current={s === stage ? 'step' : undefined}>
                {i + 1} {names[s]}
              </li>
            ))}
          </ol>
          <button type="button" data-testid="next-stage" onClick={explainActions.nextStage}>
            {stage === 'score' ? w.stageTakeStep : stage === 'move' ? w.stageNextStep : w.stageNext}
          </button>
          <label className="toggle">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} />
            <span>{w.stageAuto}</span>
          </label>
          <button type="button" onClick={explainActions.stopStepThrough}>
            {w.stageDone}
          </button>
          <p className="stage-text" data-testid="stage-text">
            {stageText(stage, samples, step, w)}
            {stage === 'move' && explain.before && step > explain.before.step ? meanMove(explain.before.mean, mean, w) : ''}
          </p>
        </div>
  );
}
