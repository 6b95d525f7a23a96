import { LR, SAMPLES } from '../core/config';
import { actions } from '../state/controller';
import { type Divergence, usePlayground } from '../state/store';
import { formatCount, formatValue } from './format';
import { useWords } from './i18n/words';

/** A fifth of the current step size, on the slider's grid: big enough a cut to matter. */
function smallerLr(lr: number): number {
  return Math.max(LR.min, Math.round(lr / 5 / LR.step) * LR.step);
}

/**
 * One run diverged: say at which step, that it was set back to finite parameters, what to try,
 * and offer Resume (carry on from there, e.g. after lowering the learning rate) or Reset.
 * `label` names the run in a comparison ("" alone).
 */
export function DivergenceAlert({ run, divergence, label }: { run: number; divergence: Divergence; label: string }) {
  const config = usePlayground((s) => s.session.runs[run]);
  const shownStep = usePlayground((s) => s.runs[run]?.snapshot?.step ?? 0);
  const w = useWords();
  if (!config) return null;
  const back = formatCount(Math.min(shownStep, divergence.step));
  const lr = formatValue(config.lr);
  const smaller = formatValue(smallerLr(config.lr));
  return (
    <div className="notice notice-error divergence" role="alert" data-run={run}>
      <strong>{w.divergedAt(formatCount(divergence.step), label)}</strong>{' '}
      {label ? w.divergedBodyOthers(back) : w.divergedBody(back)}
      <ul className="advice">
        <li>{label ? w.tryLowerLrOfRun(lr, smaller) : w.tryLowerLr(lr, smaller)}</li>
        {config.samples < SAMPLES.max && <li>{w.tryMoreSamples(formatCount(config.samples))}</li>}
        {config.optimizer === 'sgd' && (
          <li>
            {w.tryAdam}{' '}
            <button type="button" onClick={() => actions.switchToAdam(run)}>
              {w.switchToAdam}
            </button>
          </li>
        )}
      </ul>
      <button type="button" onClick={() => actions.resume(run)}>
        {w.resume}
      </button>
      <button type="button" onClick={actions.reset}>
        {w.reset}
      </button>
    </div>
  );
}
