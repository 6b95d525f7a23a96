/**
 * `npm run fit` arguments → the flat config form the URL uses, so the CLI is validated by the
 * same RunConfig schema (src/core/config.ts) as the URL, the embed API and the worker.
 */
import { type NumberRule, echo, readNumber } from '../core/numbers';

/** What `--export` writes instead of the summary (docs/export.md): a script, or the metric history. */
export const EXPORT_FORMATS = ['numpyro', 'pymc', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface CliRequest {
  readonly flat: Record<string, string>;
  readonly steps: number;
  readonly json: boolean;
  readonly export: ExportFormat | null;
  readonly list: boolean;
  readonly help: boolean;
}

export class CliError extends Error {}


/**
 * Options that take a value, and the flat key each one writes. Maps, not object literals, so a
 * stray argument such as "toString" or "__proto__" is an unknown option, not Object.prototype's.
 */
const VALUE_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['--target', 'target'],
  ['--family', 'family'],
  ['--objective', 'objective'],
  ['--estimator', 'estimator'],
  ['--optimizer', 'optimizer'],
  ['--lr', 'lr'],
  ['--samples', 'samples'],
  ['--seed', 'seed'],
  ['--backend', 'backend'],
  ['--averaging', 'averaging'],
  ['--formula', 'formula'],
  ['--domain', 'domain'],
  ['--K', 'objective.K'],
  ['--alpha', 'objective.alpha'],
]);
/** Repeatable NAME=VALUE options and the prefix of the flat key they write. */
const PAIR_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['--param', 'target.'],
  ['--family-opt', 'family.'],
]);
const FLAGS = ['--json', '--list', '--help', '-h'] as const;

export const MAX_STEPS = 1_000_000;
/** --steps is read by the same strict number reader as every link and config value. */
const STEPS: NumberRule = { name: '--steps', min: 1, max: MAX_STEPS, integer: true };

export function parseArgs(argv: readonly string[]): CliRequest {
  const flat = new Map<string, string>();
  let steps = 3000;
  let json = false;
  let list = false;
  let help = false;
  let exportAs: ExportFormat | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // "--name=value" works for every option that takes a value; the first "=" splits, so
    // "--param=rho=0.5" is --param with "rho=0.5", and "--seed=" is --seed with an empty value.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new CliError(`${name} needs a value`);
      return v;
    };
    const flag = (FLAGS as readonly string[]).includes(name);
    if (flag && inline !== undefined) throw new CliError(`${name} takes no value (got "${echo(arg)}")`);
    if (name === '--json') json = true;
    else if (name === '--list') list = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (name === '--steps') {
      const r = readNumber(value(), STEPS);
      if (!r.ok) throw new CliError(r.message);
      steps = r.value;
    } else if (name === '--export') {
      const v = value();
      const format = EXPORT_FORMATS.find((f) => f === v);
      if (!format) throw new CliError(`unknown --export "${echo(v)}"; valid: ${EXPORT_FORMATS.join(', ')}`);
      exportAs = format;
    } else if (VALUE_OPTIONS.has(name)) flat.set(VALUE_OPTIONS.get(name) as string, value());
    else if (PAIR_OPTIONS.has(name)) {
      const pair = value();
      const at = pair.indexOf('=');
      if (at <= 0) throw new CliError(`${name} takes NAME=VALUE (got "${echo(pair)}")`);
      flat.set(`${PAIR_OPTIONS.get(name)}${pair.slice(0, at)}`, pair.slice(at + 1));
    } else {
      throw new CliError(`unknown option "${echo(arg)}"; valid: ${[...FLAGS, '--steps', '--export', ...VALUE_OPTIONS.keys(), ...PAIR_OPTIONS.keys()].join(', ')}`);
    }
  }
  // fromEntries, not assignment: a NAME of "__proto__" stays an ordinary (unknown) key.
  return { flat: Object.fromEntries(flat), steps, json, export: exportAs, list, help };
}

export const USAGE = `Usage: npm run fit -- [options] [--json]
Fits q to p headlessly (Node, tfjs cpu backend) and prints the result.
  --target ID            a target id (see --list)        --param NAME=VALUE   a target parameter (repeatable)
  --formula "EXPR"       a log density in x (and y)      --domain "xmin,xmax[,ymin,ymax]"
  --family ID            a family id                     --family-opt NAME=VALUE
  --objective ID         reverse-kl, forward-kl, ...     --K N, --alpha A     objective options
  --estimator ID         reparam, score, score-plain, stl  --optimizer adam|sgd
  --lr X  --samples N  --steps N  --seed N               --list  lists every id with its parameters
  --averaging on|off     report the average of the iterates (Polyak–Ruppert; on by default)
  --export FORMAT        instead of the summary: numpyro or pymc prints a runnable script for this
                         run (no fit); csv or json fits and prints every snapshot's metrics (docs/export.md)
Every option also takes the form --name=value. Numbers are plain decimals (see docs/link-format.md).
Each option takes one value: fit fits one run (comma lists, which compare runs in a link, exit 2).`;
