import '@tensorflow/tfjs-backend-cpu';
import { ConfigError } from '../core/config';
import { estimators } from '../core/objectives/estimators';
import { objectives } from '../core/objectives/registry';
import { DivergenceError } from '../core/engine/run';
import type { FitWarning } from '../core/engine/snapshot';
import { families } from '../core/families/registry';
import type { ParamSpec } from '../core/params';
import { targets } from '../core/targets/registry';
import { tf } from '../core/tf';
import { type MetricRecord, historyCsv, historyJson } from '../core/export/history';
import { numpyroScript } from '../core/export/numpyro';
import { pymcScript } from '../core/export/pymc';
import { CliError, USAGE, parseArgs } from './args';
import { wordError } from '../words/problems';
import { type FitResult, fitRun, resolveCliConfig } from './fitRun';

/** Headless `fit`: RunConfig in, one JSON object out (docs/architecture.md#the-cli). */
async function main(argv: readonly string[]): Promise<number> {
  // Production mode quiets tfjs's Node hint. Not IS_TEST: in test mode the engine pushes onto
  // an array at every kernel and never pops it, so a long run dies of a JS heap that only grows.
  tf.enableProdMode();
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
  // The CLI reports answers, so it reports the iterate average unless asked not to.
  const resolved = resolveCliConfig(req.flat);
  if (resolved.errors.length > 0) throw new CliError(resolved.errors[0]);
  const config = resolved.config;
  if (req.export === 'numpyro' || req.export === 'pymc') {
    console.log(req.export === 'numpyro' ? numpyroScript(config, req.steps) : pymcScript(config, req.steps));
    return 0;
  }
  const history: MetricRecord[] = [];
  let result: FitResult;
  try {
    result = fitRun(config, req.steps, req.export ? history : undefined);
  } catch (e) {
    if (!(e instanceof DivergenceError)) throw e;
    console.error(divergenceLine(e.step, config.lr, config.optimizer));
    return 3;
  }
  if (req.export) {
    const runs = [{ run: 0, config, records: history }];
    process.stdout.write(req.export === 'csv' ? historyCsv(runs) : `${historyJson(runs)}\n`);
  } else if (req.json) console.log(JSON.stringify(result));
  else console.log(humanReadable(result));
  return 0;
}

/** One line for a terminal (exit code 3): what happened, at which step, and what to try. */
function divergenceLine(step: number, lr: number, optimizer: string): string {
  const tries = [`a lower --lr (now ${lr})`, 'more --samples'];
  if (optimizer !== 'adam') tries.push('--optimizer adam');
  return `fit: diverged at step ${step} (q's parameters became NaN or infinite); try ${tries.slice(0, -1).join(', ')} or ${tries[tries.length - 1]}`;
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

function humanReadable(r: FitResult): string {
  const lines = Object.entries(r)
    .filter(([k]) => k !== 'warnings')
    .map(([k, v]) => `${k.padEnd(16)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  for (const w of r.warnings) lines.push(`warning          ${warningText(w)}`);
  return lines.join('\n');
}

/** The warning codes (core/engine/readouts.ts) in words for a terminal. */
function warningText(w: FitWarning): string {
  const v = w.value === null ? '' : w.value.toPrecision(3);
  switch (w.code) {
    case 'kl-large':
      return `q ended far from p: KL(q‖p) = ${v} nats`;
    case 'khat-high':
      return `PSIS k̂ = ${v} > 0.7: q is too far from p for its importance weights to be trusted`;
    case 'q-outside-box':
      return `${(Number(w.value) * 100).toFixed(0)} % of q lies outside the plot box`;
    case 'kl-not-finite':
      return 'KL(q‖p) could not be computed: the ELBO is not finite';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // A refused config is the user's mistake too (exit 2), worded as the page and the link word it.
    if (e instanceof CliError || e instanceof ConfigError) {
      console.error(`fit: ${wordError(e)}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
