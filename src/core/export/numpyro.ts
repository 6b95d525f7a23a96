import type { RunConfig } from '../config';
import { pyNumber } from './python';
import { type ScriptInput, entry, headerLines, logDensityFunction, mathImports, reportFunction, scriptInput, settings, toConstrainedFunction } from './script';

/**
 * A runnable NumPyro script for one run (docs/export.md#numpyro): the target as an improper flat
 * prior plus `numpyro.factor(log p̃)`, the family as its autoguide, SVI with the page's optimiser,
 * learning rate, samples, steps and seed, then q's mean and covariance.
 */
export function numpyroScript(config: RunConfig, steps: number): string {
  const input = scriptInput(config, steps);
  const { guide, cls, guideLines, drawLines } = guideCode(input);
  const objective = objectiveCode(input);
  const optimizer = config.optimizer === 'sgd' ? 'numpyro.optim.SGD(LEARNING_RATE)' : 'numpyro.optim.Adam(LEARNING_RATE)';
  const header = [
    ...headerLines(input, 'NumPyro'),
    ...entry('Family', `${config.family.id} → ${guide}${input.family.numpyroDiffers ? `. Differs: ${input.family.numpyroDiffers}` : ' (the same family).'}`),
    ...entry('Objective', objective.note),
    ...notes(config),
    'Run:        pip install numpyro  &&  python3 this_file.py',
  ];
  const lines = [
    `"""${header.join('\n')}\n"""`,
    '',
    'import json',
    'import math',
    '',
    'import jax',
    'import jax.numpy as jnp',
    ...mathImports(input, 'jax'),
    'import numpy as np',
    'import numpyro',
    'import numpyro.distributions as dist',
    ...(cls === 'SVGD'
      ? ['from numpyro.contrib.einstein import SVGD, RBFKernel', 'from numpyro.infer import init_to_uniform']
      : [`from numpyro.infer import SVI, ${objective.elbo}, init_to_value`, `from numpyro.infer.autoguide import ${cls}`]),
    '',
    ...settings(input),
    '',
    '',
    ...logDensityFunction(input, 'jax', 'NumPyro'),
    '',
    '',
    ...(toConstrainedFunction(input).length ? [...toConstrainedFunction(input), '', ''] : []),
    'def model():',
    '    # θ has an improper flat prior; the whole density enters as a factor, so the model is log p̃ itself',
    '    theta = numpyro.sample("theta", dist.ImproperUniform(dist.constraints.real_vector, (), event_shape=(DIM,)))',
    '    numpyro.factor("log_density", log_density(theta))',
    '',
    '',
    ...reportFunction(input),
    '',
    '',
    'def main():',
    `    optimizer = ${optimizer}`,
    ...(objective.loss ? [`    loss = ${objective.loss}`, '    start = init_to_value(values={"theta": jnp.array(START)})'] : []),
    ...guideLines,
    `    result = svi.run(jax.random.PRNGKey(SEED), STEPS, progress_bar=False)`,
    ...drawLines,
    '    report(draws)',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ];
  return lines.join('\n');
}

interface GuideCode {
  /** The guide as the header names it, and the class the script imports. */
  readonly guide: string;
  readonly cls: string;
  readonly guideLines: string[];
  readonly drawLines: string[];
}

function guideCode(input: ScriptInput): GuideCode {
  const fam = input.family;
  const size = fam.sizeOption ? Math.round(input.config.family.options[fam.sizeOption] ?? 0) : 0;
  const svi = '    svi = SVI(model, guide, optimizer, loss)';
  const posterior = ['    draws = guide.sample_posterior(jax.random.PRNGKey(SEED + 1), result.params, sample_shape=(DRAWS,))["theta"]'];
  switch (fam.numpyro) {
    case 'SVGD':
      return {
        guide: `SVGD (${size || 100} particles)`,
        cls: 'SVGD',
        guideLines: [
          `    svi = SVGD(model, optimizer, RBFKernel(), num_stein_particles=${size || 100}, guide_kwargs={"init_loc_fn": init_to_uniform})`,
        ],
        // AutoDelta's parameter, one row per particle
        drawLines: ['    draws = result.params["theta_auto_loc"]'],
      };
    case 'AutoIAFNormal':
      // an autoregressive flow needs at least two coordinates; in 1D the nearest guide is a Gaussian
      if (input.dim === 1) return { guide: 'AutoNormal (1D: no IAF)', cls: 'AutoNormal', guideLines: ['    guide = AutoNormal(model, init_loc_fn=start, init_scale=INIT_SCALE)', svi], drawLines: posterior };
      return { guide: `AutoIAFNormal (${size} flows)`, cls: 'AutoIAFNormal', guideLines: [`    guide = AutoIAFNormal(model, num_flows=${size}, init_loc_fn=start)`, svi], drawLines: posterior };
    case 'AutoDelta':
    case 'AutoLaplaceApproximation':
      return { guide: fam.numpyro, cls: fam.numpyro, guideLines: [`    guide = ${fam.numpyro}(model, init_loc_fn=start)`, svi], drawLines: posterior };
    default:
      return { guide: fam.numpyro, cls: fam.numpyro, guideLines: [`    guide = ${fam.numpyro}(model, init_loc_fn=start, init_scale=INIT_SCALE)`, svi], drawLines: posterior };
  }
}

/** The ELBO class and its arguments for the run's objective, and what differs. */
function objectiveCode(input: ScriptInput): { elbo: string; note: string; loss: string } {
  const c = input.config;
  const fittedBy = input.family.numpyro;
  if (fittedBy === 'SVGD') return { elbo: 'Trace_ELBO', loss: '', note: 'SVGD moves its particles by its own update (no objective, as on the page).' };
  if (fittedBy === 'AutoDelta' || fittedBy === 'AutoLaplaceApproximation') {
    return { elbo: 'Trace_ELBO', loss: 'Trace_ELBO()', note: 'the MAP: Trace_ELBO of a point mass is log p̃ at the point, as the page climbs it.' };
  }
  switch (c.objective.id) {
    case 'reverse-kl':
      return { elbo: 'Trace_ELBO', loss: 'Trace_ELBO(num_particles=SAMPLES)', note: 'reverse-kl → Trace_ELBO (the same objective).' };
    case 'renyi': {
      const alpha = c.objective.options.alpha ?? 0.5;
      return { elbo: 'RenyiELBO', loss: `RenyiELBO(alpha=${pyNumber(alpha)}, num_particles=SAMPLES)`, note: `renyi → RenyiELBO(alpha=${alpha}) over the step's SAMPLES draws (the same bound).` };
    }
    case 'iwae': {
      const k = Math.round(c.objective.options.K ?? 5);
      return {
        elbo: 'RenyiELBO',
        loss: `RenyiELBO(alpha=0.0, num_particles=${Math.max(2, k)})`,
        note: `iwae → RenyiELBO(alpha=0), which is IWAE-K with K = num_particles = ${Math.max(2, k)}; the page averages ⌊SAMPLES/K⌋ groups of K per step, this one group.`,
      };
    }
    default:
      return {
        elbo: 'Trace_ELBO',
        loss: 'Trace_ELBO(num_particles=SAMPLES)',
        note: `${c.objective.id} has no NumPyro loss; this fits the ELBO (reverse KL) instead, so q will be more mode-seeking than on the page.`,
      };
  }
}

/** Estimator, optimiser and averaging notes. */
function notes(config: RunConfig): string[] {
  const out: string[] = [];
  if (config.estimator === 'score' || config.estimator === 'score-plain') out.push(...entry('Estimator', 'the page uses the score-function estimator; NumPyro differentiates through the draws (reparameterisation), which has lower variance.'));
  if (config.estimator === 'stl') out.push(...entry('Estimator', 'the page drops the score term (sticking the landing / DReG); NumPyro uses the plain reparameterisation gradient.'));
  if (config.averaging) out.push(...entry('Averaging', 'the page (or CLI) reports the average of the recent iterates; this script reports the last iterate.'));
  return out;
}

