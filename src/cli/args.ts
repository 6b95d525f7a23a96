/**
 * `npm run fit` arguments → the flat config form the URL uses, so the CLI is validated by the
 * same RunConfig schema (src/core/config.ts) as the URL, the embed API and the worker.
 */

export interface CliRequest {
  readonly flat: Record<string, string>;
  readonly steps: number;
  readonly json: boolean;
  readonly list: boolean;
  readonly help: boolean;
}

export class CliError extends Error {}

/** Options that take a value, and the flat key each one writes. */
const VALUE_OPTIONS: Record<string, string> = {
  '--target': 'target',
  '--family': 'family',
  '--objective': 'objective',
  '--estimator': 'estimator',
  '--optimizer': 'optimizer',
  '--lr': 'lr',
  '--samples': 'samples',
  '--seed': 'seed',
  '--backend': 'backend',
  '--formula': 'formula',
  '--domain': 'domain',
  '--K': 'objective.K',
  '--alpha': 'objective.alpha',
};
/** Repeatable NAME=VALUE options and the prefix of the flat key they write. */
const PAIR_OPTIONS: Record<string, string> = { '--param': 'target.', '--family-opt': 'family.' };

export const MAX_STEPS = 1_000_000;

export function parseArgs(argv: readonly string[]): CliRequest {
  const flat: Record<string, string> = {};
  let steps = 3000;
  let json = false;
  let list = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') && arg.startsWith('--') && !(arg.split('=')[0] in PAIR_OPTIONS) ? splitOnce(arg) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new CliError(`${name} needs a value`);
      return v;
    };
    if (name === '--json') json = true;
    else if (name === '--list') list = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (name === '--steps') {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > MAX_STEPS) throw new CliError(`--steps must be an integer from 1 to ${MAX_STEPS} (got "${raw}")`);
      steps = n;
    } else if (name in VALUE_OPTIONS) flat[VALUE_OPTIONS[name]] = value();
    else if (name in PAIR_OPTIONS) {
      const pair = value();
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new CliError(`${name} takes NAME=VALUE (got "${pair}")`);
      flat[PAIR_OPTIONS[name] + pair.slice(0, eq)] = pair.slice(eq + 1);
    } else {
      throw new CliError(`unknown option "${arg}"; valid: ${['--json', '--list', '--steps', ...Object.keys(VALUE_OPTIONS), ...Object.keys(PAIR_OPTIONS)].join(', ')}`);
    }
  }
  return { flat, steps, json, list, help };
}

function splitOnce(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  return [arg.slice(0, eq), arg.slice(eq + 1)];
}

export const USAGE = `Usage: npm run fit -- [options] [--json]
Fits q to p headlessly (Node, tfjs cpu backend) and prints the result.
  --target ID            a target id (see --list)        --param NAME=VALUE   a target parameter (repeatable)
  --formula "EXPR"       a log density in x (and y)      --domain "xmin,xmax[,ymin,ymax]"
  --family ID            a family id                     --family-opt NAME=VALUE
  --objective ID         reverse-kl, forward-kl, ...     --K N, --alpha A     objective options
  --estimator ID         reparam, score, stl             --optimizer adam|sgd
  --lr X  --samples N  --steps N  --seed N               --list  lists every id with its parameters`;
