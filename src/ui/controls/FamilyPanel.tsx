import { useId } from 'react';
import { LR, SAMPLES } from '../../core/config';
import { families, findFamilyInfo } from '../../core/families/registry';
import { MAX_RUNS } from '../../core/rules';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { useCatalogueWords } from '../i18n/catalogue';
import { useWords } from '../i18n/words';
import { ObjectiveSection } from './ObjectiveSection';
import { ParamSlider } from './ParamSlider';

/** Right column of a single run: what we approximate with, and how we optimise. */
export function FamilyPanel({ run }: { run: number }) {
  const id = useId();
  const runs = usePlayground((s) => s.session.runs.length);
  const w = useWords();
  return (
    <section className="panel family-panel" aria-labelledby={`${id}-h`} data-part="family">
      <div className="panel-head">
        <h2 id={`${id}-h`} className="panel-title q-title">
          {w.ctlFamilyTitle}
        </h2>
        <button type="button" className="add-run" onClick={actions.addRun} disabled={runs >= MAX_RUNS} title={w.ctlCompareTitle}>
          {w.ctlCompare}
        </button>
      </div>
      <FamilyPicker run={run} />
      <FamilyDetails run={run} />
      <h3 className="subhead">{w.ctlOptimisation}</h3>
      <RunSettings run={run} />
      <AveragingToggle />
    </section>
  );
}

/** The family select of run i. */
export function FamilyPicker({ run, compact = false }: { run: number; compact?: boolean }) {
  const family = usePlayground((s) => s.session.runs[run]?.family);
  const id = useId();
  const w = useWords();
  const c = useCatalogueWords();
  if (!family) return null;
  return (
    <label className="picker" htmlFor={id} data-part="family">
      <span className={compact ? 'visually-hidden' : undefined}>{compact ? w.ctlFamilyPickerOfRun(String(run + 1)) : w.ctlFamilyPicker}</span>
      <select id={id} value={family.id} onChange={(e) => actions.setFamily(run, e.currentTarget.value)}>
        {families.map((f) => (
          <option key={f.id} value={f.id}>
            {c.familyName(f)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Run i's family description, options and density caveat. */
export function FamilyDetails({ run, describe = true }: { run: number; describe?: boolean }) {
  const family = usePlayground((s) => s.session.runs[run]?.family);
  const spec = family && findFamilyInfo(family.id);
  const w = useWords();
  const c = useCatalogueWords();
  if (!family || !spec) return null;
  return (
    <>
      {describe && <p className="describe">{c.familyDescription(spec)}</p>}
      {spec.options.map((o) => (
        <ParamSlider key={o.name} spec={c.familyOption(spec, o)} value={family.options[o.name] ?? o.default} onChange={(v) => actions.setFamilyOption(run, o.name, v)} />
      ))}
      {spec.density !== 'anywhere' && (
        <p className="caveat">
          {spec.density === 'none' ? w.ctlNoDensity : w.ctlSampleDensity}
        </p>
      )}
    </>
  );
}

/** Run i's objective, estimator, learning rate and samples per step. */
export function RunSettings({ run }: { run: number }) {
  const lr = usePlayground((s) => s.session.runs[run]?.lr ?? LR.default);
  const samples = usePlayground((s) => s.session.runs[run]?.samples ?? SAMPLES.default);
  const c = useCatalogueWords();
  return (
    <>
      <ObjectiveSection run={run} />
      <ParamSlider spec={c.runParam(LR)} value={lr} onChange={(v) => actions.setLearningRate(run, v)} />
      <ParamSlider spec={c.runParam(SAMPLES)} value={samples} onChange={(v) => actions.setSamples(run, v)} />
    </>
  );
}

/** Iterate averaging is the session's: every run's read-outs describe the same kind of q. */
export function AveragingToggle() {
  const averaging = usePlayground((s) => s.session.averaging);
  const w = useWords();
  return (
      <label className="toggle" title={w.ctlAveragingTitle}>
        <input
          type="checkbox"
          data-testid="averaging"
          checked={averaging}
          onChange={(e) => actions.setAveraging(e.currentTarget.checked)}
        />
        <span>{w.ctlAveraging}</span>
      </label>
  );
}
