import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { formatCount } from '../format';

/** Play/Pause, Step, Reset, and the step counter with the engine's speed beside it. */
export function Transport() {
  const playing = usePlayground((s) => s.playing);
  const status = usePlayground((s) => s.status);
  const step = usePlayground((s) => s.snapshot?.step ?? 0);
  const backend = usePlayground((s) => s.backend);
  const rate = usePlayground((s) => s.stepsPerSecond);
  const calibration = usePlayground((s) => s.calibration);
  const measured = calibration
    .map((c) => `${c.backend}: ${c.stepsPerSecond === null ? `unavailable (${c.error ?? 'failed'})` : `${formatCount(c.stepsPerSecond)} steps/s`}`)
    .join(', ');
  return (
    <div className="transport" role="toolbar" aria-label="Run controls">
      <button
        type="button"
        className="play"
        onClick={playing ? actions.pause : actions.play}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={actions.step} disabled={playing} aria-label="Step">
        Step
      </button>
      <button type="button" onClick={actions.reset} aria-label="Reset">
        Reset
      </button>
      <div className="counter">
        <span className="counter-label">step</span>
        <span data-testid="metric-step" className="counter-value">
          {formatCount(step)}
        </span>
      </div>
      <div className="backend" title={measured ? `measured at start-up — ${measured}` : undefined}>
        <span data-testid="metric-backend">
          {status === 'starting'
            ? 'warming up… (measuring backends)'
            : `${backend ?? '?'}${playing && rate > 0 ? ` · ${formatCount(rate)} steps/s` : ''}`}
        </span>
        {measured && <span className="backend-detail">{measured}</span>}
      </div>
    </div>
  );
}
