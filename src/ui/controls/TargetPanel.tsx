import { useId } from 'react';
import { FORMULA_TARGET_ID } from '../../core/formula/formulaTarget';
import { targets } from '../../core/targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, resolveTarget } from '../../core/targets/resolve';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { FormulaEditor } from './FormulaEditor';
import { ParamSlider } from './ParamSlider';

/** Left column: what we approximate. Picker and sliders are generated from the target specs. */
export function TargetPanel() {
  const target = usePlayground((s) => s.session.target);
  const runs = usePlayground((s) => s.session.runs.length);
  const spec = resolveTarget(target);
  const id = useId();
  return (
    <section className="panel target-panel" aria-labelledby={`${id}-h`} data-part="target">
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
          <option value={FORMULA_TARGET_ID}>Your formula…</option>
        </select>
      </label>
      {spec && <p className="describe">{spec.description}</p>}
      {spec?.caveat && <p className="caveat">{spec.caveat}</p>}
      {target.id === FORMULA_TARGET_ID && (
        <FormulaEditor formula={target.formula ?? DEFAULT_FORMULA} domain={target.domain ?? DEFAULT_FORMULA_DOMAIN} />
      )}
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
      {spec?.params.length ? <p className="hint">Move a slider while it runs: q chases the new p{runs > 1 ? ' in every run' : ''}.</p> : null}
    </section>
  );
}
