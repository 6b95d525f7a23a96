import { lazy, Suspense, useId } from 'react';
import { FORMULA_TARGET_ID } from '../../core/formula/formulaTarget';
import { targets } from '../../core/targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, resolveTargetInfo } from '../../core/targets/resolve';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { useCatalogueWords } from '../i18n/catalogue';
import { useWords } from '../i18n/words';
import { ParamSlider } from './ParamSlider';

/** Only a formula target shows the editor: a chunk of its own, off the page's first load (issue 9). */
const FormulaEditor = lazy(() => import('./FormulaEditor').then((m) => ({ default: m.FormulaEditor })));

/** Left column: what we approximate. Picker and sliders are generated from the target specs. */
export function TargetPanel() {
  const target = usePlayground((s) => s.session.target);
  const runs = usePlayground((s) => s.session.runs.length);
  const w = useWords();
  const c = useCatalogueWords();
  const spec = resolveTargetInfo(target);
  const id = useId();
  const caveat = spec && c.targetCaveat(spec);
  const source = spec && c.targetSource(spec);
  return (
    <section className="panel target-panel" aria-labelledby={`${id}-h`} data-part="target">
      <h2 id={`${id}-h`} className="panel-title p-title">
        {w.ctlTargetTitle}
      </h2>
      <label className="picker" htmlFor={id}>
        <span>{w.ctlTargetPicker}</span>
        <select id={id} value={target.id} onChange={(e) => actions.setTarget(e.currentTarget.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {c.targetName(t)}
            </option>
          ))}
          <option value={FORMULA_TARGET_ID}>{w.ctlYourFormula}</option>
        </select>
      </label>
      {spec && <p className="describe">{c.targetDescription(spec)}</p>}
      {caveat && <p className="caveat">{caveat}</p>}
      {target.id === FORMULA_TARGET_ID && (
        <Suspense fallback={<div className="formula-editor formula-loading" aria-busy="true" />}>
          <FormulaEditor formula={target.formula ?? DEFAULT_FORMULA} domain={target.domain ?? DEFAULT_FORMULA_DOMAIN} />
        </Suspense>
      )}
      {source && <p className="fineprint">{w.ctlData(source)}</p>}
      {spec?.constraint && <p className="fineprint">{w.ctlConstrained(spec.constraint.unconstrainedNames.join(', '))}</p>}
      {spec?.params.map((p) => (
        <ParamSlider
          key={p.name}
          spec={c.targetParam(spec, p)}
          value={target.params[p.name] ?? p.default}
          onChange={(v) => actions.setTargetParam(p.name, v)}
        />
      ))}
      {spec?.params.length ? <p className="hint">{runs > 1 ? w.ctlSliderHintRuns : w.ctlSliderHint}</p> : null}
    </section>
  );
}
