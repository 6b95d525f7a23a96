import '@tensorflow/tfjs-backend-cpu';
import { estimators } from '../core/objectives/estimators';
import { objectives } from '../core/objectives/registry';
import { resolveFlat } from '../core/config';
import { Run } from '../core/engine/run';
import { families } from '../core/families/registry';
import type { ParamSpec } from '../core/params';
import { targets } from '../core/targets/registry';
import { tf } from '../core/tf';
import { CliError, USAGE, parseArgs } from './args';
import { ownSpaceMoments } from './ownSpace';

/** Headless `fit`: RunConfig in, one JSON object out (DESIGN.md, CLI contract). */
async function main(argv: readonly string[]): Promise<number> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  const req = parseArgs(argv);
  if (req.help) {
    console.log(USAGE);
    return 0;
  }
  if (req.list) {
    console.log(listing());
    return 0;
  }
  const resolved = resolveFlat(req.flat);
  if (resolved.errors.length > 0) throw new CliError(resolved.errors[0]);
  const config = resolved.config;
  const run = new Run(config);
  const t0 = performance.now();
  for (let done = 0; done < req.steps; done += 100) run.run(Math.min(100, req.steps - done));
  run.flush();
  const secondsPerStep = (performance.now() - t0) / 1000 / req.steps;
  const snap = run.snapshot();
  const own = ownSpaceMoments(run, config);
  run.dispose();
  const result = {
    target: config.target.id,
    targetParams: config.target.params,
    family: config.family.id,
    familyOptions: config.family.options,
    objective: config.objective.id,
    objectiveOptions: config.objective.options,
    estimator: config.estimator,
    optimizer: config.optimizer,
    lr: config.lr,
    samples: config.samples,
    steps: snap.step,
    seed: config.seed,
    backend: tf.getBackend(),
    logZ: snap.logZ,
    elbo: snap.elbo,
    elboStdErr: snap.elboStdErr,
    objectiveBound: snap.objectiveBound,
    cubo: snap.cubo,
    klQP: snap.klQP,
    klMethod: snap.klMethod,
    klPQ: snap.klPQ,
    khat: finiteOrNull(snap.khat),
    gradSnr: snap.gradSnr,
    mean: own.mean,
    cov: own.cov,
    space: own.space,
    params: snap.params,
    secondsPerStep,
  };
  if (req.json) console.log(JSON.stringify(result));
  else console.log(humanReadable(result));
  return 0;
}

function finiteOrNull(v: number | null): number | null {
  return v === null || Number.isNaN(v) ? null : v;
}

function describeParams(params: readonly ParamSpec[]): string {
  return params.map((p) => `${p.name}=${p.default} [${p.min}, ${p.max}]${p.integer ? ' integer' : ''}`).join(', ');
}

function listing(): string {
  const lines = ['targets:'];
  for (const t of targets) lines.push(`  ${t.id} (${t.dim}D)${t.params.length ? `: ${describeParams(t.params)}` : ''}`);
  lines.push('families:');
  for (const f of families) lines.push(`  ${f.id}${f.options.length ? `: ${describeParams(f.options)}` : ''}`);
  lines.push('objectives:');
  for (const o of objectives) lines.push(`  ${o.id}${o.options.length ? `: ${describeParams(o.options)}` : ''} (estimators: ${o.estimators.join(', ')})`);
  lines.push(`estimators: ${estimators.map((e) => e.id).join(', ')}`);
  lines.push('optimizers: adam, sgd');
  return lines.join('\n');
}

function humanReadable(r: Record<string, unknown>): string {
  return Object.entries(r)
    .map(([k, v]) => `${k.padEnd(16)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CliError) {
      console.error(`fit: ${e.message}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
