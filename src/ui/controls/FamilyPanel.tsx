import { useId } from 'react';
import { LR, SAMPLES } from '../../core/config';
import { families, findFamily } from '../../core/families/registry';
import { MAX_RUNS } from '../../core/rules';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { ObjectiveSection } from './ObjectiveSection';
import { ParamSlider } from './ParamSlider';

/** Right column of a single run: what we approximate with, and how we optimise. */
export function FamilyPanel({ run }: { run: number }) {
  const id = useId();
  const runs = usePlayground((s) => s.session.runs.length);
  return (
    <section className="panel family-panel" aria-labelledby={`${id}-h`} data-part="family">
      <div className="panel-head">
        <h2 id={`${id}-h`} className="panel-title q-title">
          Family q(θ)
        </h2>
        <button type="button" className="add-run" onClick={actions.addRun} disabled={runs >= MAX_RUNS} title="Fit a second family to the same p, side by side">
          + compare
        </button>
      </div>
      <FamilyPicker run={run} />
      <FamilyDetails run={run} />
      <h3 className="subhead">Optimisation</h3>
      <RunSettings run={run} />
      <AveragingToggle />
    </section>
  );
}

/** The family select of run i. */
export function FamilyPicker({ run, compact = false }: { run: number; compact?: boolean }) {
  const family = usePlayground((s) => s.session.runs[run]?.family);
  const id = useId();
  if (!family) return null;
  return (
    <label className="picker" htmlFor={id} data-part="family">
      <span className={compact ? 'visually-hidden' : undefined}>variational family{compact ? ` of run ${run + 1}` : ''}</span>
      <select id={id} value={family.id} onChange={(e) => actions.setFamily(run, e.currentTarget.value)}>
        {families.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Run i's family description, options and density caveat. */
export function FamilyDetails({ run, describe = true }: { run: number; describe?: boolean }) {
  const family = usePlayground((s) => s.session.runs[run]?.family);
  const spec = family && findFamily(family.id);
  if (!family || !spec) return null;
  return (
    <>
      {describe && <p className="describe">{spec.description}</p>}
      {spec.options.map((o) => (
        <ParamSlider key={o.name} spec={o} value={family.options[o.name] ?? o.default} onChange={(v) => actions.setFamilyOption(run, o.name, v)} />
      ))}
      {spec.density !== 'anywhere' && (
        <p className="caveat">
          {spec.density === 'none'
            ? 'No density: there is no ELBO or KL to show, only where q puts its points.'
            : 'Density known only at its own samples: KL(q‖p) is log Z − ELBO, KL(p‖q) is unavailable.'}
        </p>
      )}
    </>
  );
}

/** Run i's objective, estimator, learning rate and samples per step. */
export function RunSettings({ run }: { run: number }) {
  const lr = usePlayground((s) => s.session.runs[run]?.lr ?? LR.default);
  const samples = usePlayground((s) => s.session.runs[run]?.samples ?? SAMPLES.default);
  return (
    <>
      <ObjectiveSection run={run} />
      <ParamSlider spec={LR} value={lr} onChange={(v) => actions.setLearningRate(run, v)} />
      <ParamSlider spec={SAMPLES} value={samples} onChange={(v) => actions.setSamples(run, v)} />
    </>
  );
}

/** Iterate averaging is the session's: every run's read-outs describe the same kind of q. */
export function AveragingToggle() {
  const averaging = usePlayground((s) => s.session.averaging);
  return (
      <label className="toggle" title="Polyak–Ruppert averaging: with a constant learning rate q jitters around the optimum; the average of its recent iterates settles on it. The read-outs then describe the average.">
        <input
          type="checkbox"
          data-testid="averaging"
          checked={averaging}
          onChange={(e) => actions.setAveraging(e.currentTarget.checked)}
        />
        <span>average the iterates (read-outs show the settled q)</span>
      </label>
  );
}
