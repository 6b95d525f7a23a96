import { findFamily } from '../../core/families/registry';
import { type PlaygroundState, selectStep } from '../../state/store';
import { formatCount, formatValue } from '../format';
import { useThrottled } from '../useThrottled';

/** How often a screen reader hears the fit's progress: often enough to follow, never a flood. */
const SUMMARY_MS = 8000;

function summary(s: PlaygroundState): string {
  const step = selectStep(s);
  if (step === 0) return '';
  const runs = s.runs.map((r, i) => {
    const name = findFamily(s.session.runs[i]?.family.id ?? '')?.name ?? `run ${i + 1}`;
    const kl = r.snapshot?.klQP;
    return `${s.runs.length > 1 ? `run ${i + 1}, ` : ''}${name}: KL(q‖p) ${kl === null || kl === undefined ? 'not known' : `${formatValue(kl)} nats`}`;
  });
  return `${s.playing ? 'Running' : 'Paused'} at step ${formatCount(step)}. ${runs.join('; ')}.`;
}

/**
 * The read-outs for a screen reader: one polite sentence at most every few seconds (the visible
 * numbers change 30 times a second and are not live regions, or they would never stop talking).
 */
export function LiveSummary() {
  const text = useThrottled(summary, SUMMARY_MS);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-summary">
      {text}
    </p>
  );
}
