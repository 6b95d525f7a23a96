import type { RunConfig } from '../config';
import { type ScriptInput, entry, headerLines, logDensityFunction, mathImports, reportFunction, scriptInput, settings, toConstrainedFunction } from './script';

/**
 * A runnable PyMC script for one run (docs/export.md#pymc): the target as `pm.Flat` plus
 * `pm.Potential(log p̃)`, the family as `pm.fit`'s method (or find_MAP for the MAP families), with
 * the page's optimiser, learning rate, samples, steps and seed, then q's mean and covariance.
 */
export function pymcScript(config: RunConfig, steps: number): string {
  const input = scriptInput(config, steps);
  const method = input.family.pymc;
  const header = [
    ...headerLines(input, 'PyMC'),
    ...entry('Family', `${config.family.id} → ${methodLabel(method)}${input.family.pymcDiffers ? `. Differs: ${input.family.pymcDiffers}` : ' (the same family).'}`),
    ...entry('Objective', objectiveNote(input)),
    ...notes(config),
    'Run:        pip install pymc  &&  python3 this_file.py',
  ];
  const lines = [
    `"""${header.join('\n')}\n"""`,
    '',
    'import json',
    'import math',
    '',
    'import numpy as np',
    'import pymc as pm',
    ...(method === 'map-laplace' ? ['import pytensor'] : []),
    'import pytensor.tensor as pt',
    ...mathImports(input, 'pytensor'),
    '',
    ...settings(input),
    '',
    '',
    ...logDensityFunction(input, 'pytensor', 'PyMC'),
    '',
    '',
    ...(toConstrainedFunction(input).length ? [...toConstrainedFunction(input), '', ''] : []),
    ...reportFunction(input),
    '',
    '',
    'def main():',
    '    with pm.Model():',
    '        # θ has an improper flat prior; the whole density enters as a potential, so the model is log p̃ itself',
    '        theta = pm.Flat("theta", shape=DIM)',
    '        pm.Potential("log_density", log_density(theta))',
    ...fitLines(input),
    '    report(draws)',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ];
  return lines.join('\n');
}

function methodLabel(method: ScriptInput['family']['pymc']): string {
  if (method === 'map') return 'pm.find_MAP';
  if (method === 'map-laplace') return 'pm.find_MAP + the Hessian of log p̃ there';
  return `pm.fit(method="${method}")`;
}

function fitLines(input: ScriptInput): string[] {
  const c = input.config;
  const optimizer = c.optimizer === 'sgd' ? 'pm.sgd(learning_rate=LEARNING_RATE)' : 'pm.adam(learning_rate=LEARNING_RATE)';
  const start = '{"theta": np.array(START)}';
  const method = input.family.pymc;
  if (method === 'map' || method === 'map-laplace') {
    const lines = [`        point = pm.find_MAP(start=${start}, progressbar=False)`, '    mode = np.asarray(point["theta"], dtype=float)'];
    if (method === 'map') return [...lines, '    draws = mode[None, :]'];
    return [
      ...lines,
      '    # the Laplace approximation: N(mode, (−∇²log p̃(mode))⁻¹)',
      '    t = pt.vector("t")',
      '    hessian = pytensor.function([t], pytensor.gradient.hessian(log_density(t), t))',
      '    cov = np.linalg.inv(-hessian(mode))',
      '    draws = np.random.default_rng(SEED).multivariate_normal(mode, cov, size=DRAWS)',
    ];
  }
  const particles = Math.round(c.family.options.particles ?? 100);
  const extra = method === 'svgd' ? `inf_kwargs={"n_particles": ${particles}}, ` : 'obj_n_mc=SAMPLES, ';
  return [
    `        approx = pm.fit(n=STEPS, method="${method}", random_seed=SEED, start=${start}, ${extra}obj_optimizer=${optimizer}, progressbar=False)`,
    '        idata = approx.sample(DRAWS, random_seed=SEED + 1)',
    '    draws = idata.posterior["theta"].values.reshape(-1, DIM)',
  ];
}

function objectiveNote(input: ScriptInput): string {
  const method = input.family.pymc;
  if (method === 'svgd') return 'SVGD moves its particles by its own update (no objective, as on the page).';
  if (method === 'map' || method === 'map-laplace') return 'the MAP: the mode of log p̃, as the page climbs it.';
  const id = input.config.objective.id;
  if (id === 'reverse-kl') return 'reverse-kl → the ELBO (KL(q‖p)), the same objective.';
  return `${id} has no pm.fit objective; this fits the ELBO (reverse KL) instead, so q will be more mode-seeking than on the page.`;
}

function notes(config: RunConfig): string[] {
  const out: string[] = [];
  if (config.estimator === 'score' || config.estimator === 'score-plain') out.push(...entry('Estimator', 'the page uses the score-function estimator; PyMC differentiates through the draws (reparameterisation).'));
  if (config.estimator === 'stl') out.push(...entry('Estimator', 'the page drops the score term (sticking the landing / DReG); PyMC uses the plain reparameterisation gradient.'));
  if (config.averaging) out.push(...entry('Averaging', 'the page (or CLI) reports the average of the recent iterates; this script reports the last iterate.'));
  return out;
}
