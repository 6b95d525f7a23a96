import { useId } from 'react';
import { LR, SAMPLES } from '../../core/config';
import { families, findFamily } from '../../core/families/registry';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { ObjectiveSection } from './ObjectiveSection';
import { ParamSlider } from './ParamSlider';

/** Right column: what we approximate with, and how we optimise. */
export function FamilyPanel() {
  const family = usePlayground((s) => s.config.family);
  const lr = usePlayground((s) => s.config.lr);
  const samples = usePlayground((s) => s.config.samples);
  const averaging = usePlayground((s) => s.config.averaging);
  const spec = findFamily(family.id);
  const id = useId();
  return (
    <section className="panel family-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="panel-title q-title">
        Family q(θ)
      </h2>
      <label className="picker" htmlFor={id}>
        <span>variational family</span>
        <select id={id} value={family.id} onChange={(e) => actions.setFamily(e.currentTarget.value)}>
          {families.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {spec && <p className="describe">{spec.description}</p>}
      {spec?.options.map((o) => (
        <ParamSlider
          key={o.name}
          spec={o}
          value={family.options[o.name] ?? o.default}
          onChange={(v) => actions.setFamilyOption(o.name, v)}
        />
      ))}
      {spec && spec.density !== 'anywhere' && (
        <p className="caveat">
          {spec.density === 'none'
            ? 'No density: there is no ELBO or KL to show, only where q puts its points.'
            : 'Density known only at its own samples: KL(q‖p) is log Z − ELBO, KL(p‖q) is unavailable.'}
        </p>
      )}
      <h3 className="subhead">Optimisation</h3>
      <ObjectiveSection />
      <ParamSlider spec={LR} value={lr} onChange={actions.setLearningRate} />
      <label className="toggle" title="Polyak–Ruppert averaging: with a constant learning rate q jitters around the optimum; the average of its recent iterates settles on it. The read-outs then describe the average.">
        <input
          type="checkbox"
          data-testid="averaging"
          checked={averaging}
          onChange={(e) => actions.setAveraging(e.currentTarget.checked)}
        />
        <span>average the iterates (read-outs show the settled q)</span>
      </label>
      <ParamSlider spec={SAMPLES} value={samples} onChange={actions.setSamples} />
    </section>
  );
}
