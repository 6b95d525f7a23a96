import { useId } from 'react';
import { findTarget, targets } from '../../core/targets/registry';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { ParamSlider } from './ParamSlider';

/** Left column: what we approximate. Picker and sliders are generated from the target specs. */
export function TargetPanel() {
  const target = usePlayground((s) => s.config.target);
  const spec = findTarget(target.id);
  const id = useId();
  return (
    <section className="panel target-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="panel-title p-title">
        Target p(θ)
      </h2>
      <label className="picker" htmlFor={id}>
        <span>target distribution</span>
        <select id={id} value={target.id} onChange={(e) => actions.setTarget(e.currentTarget.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {spec && <p className="describe">{spec.description}</p>}
      {spec?.caveat && <p className="caveat">{spec.caveat}</p>}
      {spec?.source && <p className="fineprint">Data: {spec.source}</p>}
      {spec?.constraint && (
        <p className="fineprint">
          Fitted in unconstrained space ({spec.constraint.unconstrainedNames.join(', ')}) with the log-Jacobian; shown in
          both spaces.
        </p>
      )}
      {spec?.params.map((p) => (
        <ParamSlider
          key={p.name}
          spec={p}
          value={target.params[p.name] ?? p.default}
          onChange={(v) => actions.setTargetParam(p.name, v)}
        />
      ))}
      {spec?.params.length ? <p className="hint">Move a slider while it runs: q chases the new p.</p> : null}
    </section>
  );
}
