import { LR, SAMPLES } from '../core/config';
import { actions } from '../state/controller';
import { type Divergence, usePlayground } from '../state/store';
import { formatCount, formatValue } from './format';

/** A fifth of the current step size, on the slider's grid: big enough a cut to matter. */
function smallerLr(lr: number): number {
  return Math.max(LR.min, Math.round(lr / 5 / LR.step) * LR.step);
}

/**
 * One run diverged: say at which step, that it was set back to finite parameters, what to try,
 * and offer Resume (carry on from there, e.g. after lowering the learning rate) or Reset.
 */
export function DivergenceAlert({ run, divergence, label }: { run: number; divergence: Divergence; label: string }) {
  const config = usePlayground((s) => s.session.runs[run]);
  const shownStep = usePlayground((s) => s.runs[run]?.snapshot?.step ?? 0);
  if (!config) return null;
  return (
    <div className="notice notice-error divergence" role="alert" data-run={run}>
      <strong>
        Diverged at step {formatCount(divergence.step)}
        {label}.
      </strong>{' '}
      q’s parameters became NaN or infinite, so this run stopped{label ? ' (the others go on)' : ''} and went back to its last finite parameters (step{' '}
      {formatCount(Math.min(shownStep, divergence.step))}). Things to try:
      <ul className="advice">
        <li>
          Lower the learning rate from {formatValue(config.lr)} (to {formatValue(smallerLr(config.lr))}, say) with the slider{label ? ' of that run' : ''}.
        </li>
        {config.samples < SAMPLES.max && <li>More samples per step (now {formatCount(config.samples)}): a less noisy gradient.</li>}
        {config.optimizer === 'sgd' && (
          <li>
            Adam instead of SGD: it scales each step to its parameter.{' '}
            <button type="button" onClick={() => actions.switchToAdam(run)}>
              Switch to Adam
            </button>
          </li>
        )}
      </ul>
      <button type="button" onClick={() => actions.resume(run)}>
        Resume
      </button>
      <button type="button" onClick={actions.reset}>
        Reset
      </button>
    </div>
  );
}
