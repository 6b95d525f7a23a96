import { useEffect, useState } from 'react';
import { explainActions } from '../../state/explainActions';
import { STEP_STAGES, type StepStage, usePlayground } from '../../state/store';
import { formatCount, formatValue } from '../format';

/** Auto-advance: slow enough to follow each stage (docs/math.md#see-the-gradient). */
const AUTO_MS = 1500;

const STAGE_NAMES: Record<StepStage, string> = {
  noise: 'draw ε',
  push: 'push through q',
  score: 'score log p̃ − log q',
  move: 'move the parameters',
};

/** The mean before → after the step, so a small move still reads as numbers. */
function meanMove(before: readonly number[] | undefined, after: readonly number[] | undefined): string {
  if (!before || !after) return '';
  const v = (m: readonly number[]) => (m.length === 1 ? formatValue(m[0]) : `(${m.map(formatValue).join(', ')})`);
  return ` q’s mean: ${v(before)} → ${v(after)}.`;
}

function stageText(stage: StepStage, samples: number, step: number): string {
  switch (stage) {
    case 'noise':
      return 'ε ~ N(0, I): standard-normal draws, shown on the same axes (the grey circles are 1 and 2 standard deviations).';
    case 'push':
      return 'θ = T_φ(ε): each ε is moved by q’s parameters (for a Gaussian, θ = μ + Lε); the lines join each ε to its θ.';
    case 'score':
      return 'f(θ) = log p̃(θ) − log q(θ) at each θ: high where p has more mass than q claims. The ELBO is the average of f; its gradient moves q towards high f.';
    case 'move':
      return `φ ← φ + η ∇φ ELBO: one optimiser step (to step ${formatCount(step)}), averaged over this step’s ${formatCount(samples)} fresh draws; the old q is dashed.`;
  }
}

/** The step-through's stages, its buttons and what the current stage shows (docs/math.md#see-the-gradient). */
export default function Stepper({ stage }: { stage: StepStage }) {
  const explain = usePlayground((s) => s.explain);
  const step = usePlayground((s) => s.runs[0]?.snapshot?.step ?? 0);
  const samples = usePlayground((s) => s.session.runs[0]?.samples ?? 0);
  const mean = usePlayground((s) => s.runs[0]?.snapshot?.mean);
  const [auto, setAuto] = useState(false);
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
                {i + 1} {STAGE_NAMES[s]}
              </li>
            ))}
          </ol>
          <button type="button" data-testid="next-stage" onClick={explainActions.nextStage}>
            {stage === 'score' ? 'take the step ▸' : stage === 'move' ? 'next step ▸' : 'next stage ▸'}
          </button>
          <label className="toggle">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} />
            <span>auto (1.5 s)</span>
          </label>
          <button type="button" onClick={explainActions.stopStepThrough}>
            done
          </button>
          <p className="stage-text" data-testid="stage-text">
            {stageText(stage, samples, step)}
            {stage === 'move' && explain.before && step > explain.before.step ? meanMove(explain.before.mean, mean) : ''}
          </p>
        </div>
  );
}
