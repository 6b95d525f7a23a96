import { type Backend, SPEED } from '../../core/config';
import { actions } from '../../state/controller';
import { selectStep, usePlayground } from '../../state/store';
import { formatCount } from '../format';
import { ParamSlider } from './ParamSlider';
import { useCatalogueWords } from '../i18n/catalogue';
import { useWords } from '../i18n/words';

/** Play/Pause, Step, Reset, and the step counter with the engine's speed beside it. */
export function Transport() {
  const playing = usePlayground((s) => s.playing);
  const status = usePlayground((s) => s.status);
  const step = usePlayground(selectStep);
  const backend = usePlayground((s) => s.backend);
  // Each run takes the same steps; the fastest shows what the engine does (a halted one is 0).
  const rate = usePlayground((s) => s.runs.reduce((m, r) => Math.max(m, r.stepsPerSecond), 0));
  const calibration = usePlayground((s) => s.calibration);
  // Runs on the plain-JS fast path cost the same on every backend, so none is measured for them.
  const allPlainJs = usePlayground((s) => s.runs.length > 0 && s.runs.every((r) => r.snapshot?.fastPath === true));
  const backendChoice = usePlayground((s) => s.session.backend);
  const speed = usePlayground((s) => s.session.speed);
  const w = useWords();
  const c = useCatalogueWords();
  const measured = calibration
    .map((c) => `${c.backend}: ${c.stepsPerSecond === null ? w.unavailable(c.error ?? 'failed') : w.stepsPerSecond(formatCount(c.stepsPerSecond))}`)
    .join(', ');
  return (
    <section className="transport" aria-label={w.runControls} data-part="transport">
      <button
        type="button"
        className="play"
        onClick={playing ? actions.pause : actions.play}
        aria-label={playing ? w.pause : w.play}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? w.pause : w.play}
      </button>
      <button type="button" onClick={actions.step} disabled={playing} aria-label={w.step}>
        {w.step}
      </button>
      <button type="button" onClick={actions.reset} aria-label={w.reset}>
        {w.reset}
      </button>
      <div className="counter">
        <span className="counter-label">{w.stepCounter}</span>
        <span data-testid="metric-step" className="counter-value">
          {formatCount(step)}
        </span>
      </div>
      <div className="speed" data-part="engine">
        <ParamSlider spec={c.runParam(SPEED)} value={speed} onChange={actions.setSpeed} display={(v) => (v >= SPEED.max ? w.ctlSpeedMax : formatCount(v))} />
      </div>
      <label className="backend-choice" data-part="engine">
        <span>{w.engine}</span>
        <select aria-label={w.backendLabel} value={backendChoice} onChange={(e) => actions.setBackend(e.currentTarget.value as Backend)}>
          <option value="auto">{w.backendAuto}</option>
          <option value="cpu">cpu</option>
          <option value="webgl">webgl</option>
        </select>
      </label>
      <div className="backend" data-part="engine" title={measured ? w.measuredOn(measured) : undefined}>
        <span data-testid="metric-backend">
          {status === 'starting' ? w.warmingUp : `${backend ?? '?'}${playing && rate > 0 ? ` · ${w.stepsPerSecond(formatCount(rate))}` : ''}`}
        </span>
        {measured ? (
          <span className="backend-detail">{measured}</span>
        ) : (
          allPlainJs && <span className="backend-detail">{w.allPlainJs}</span>
        )}
      </div>
    </section>
  );
}
