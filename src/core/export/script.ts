import type { RunConfig } from '../config';
import { initialQ } from '../engine/runState';
import { findFamilyInfo } from '../families/registry';
import { resolveTarget } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import { type ExportExpr, type TargetExport, functionsOf } from './expr';
import { type FamilyCode, familyCode } from './families';
import { type Dialect, pyNumber, toPython, toPythonLines } from './python';

/**
 * What a generated script is built from (docs/export.md): the run's config, how many steps to
 * take, and the target resolved with its export.
 */
export interface ScriptInput {
  readonly config: RunConfig;
  readonly target: TargetSpec;
  readonly exported: TargetExport;
  readonly family: FamilyCode;
  readonly steps: number;
  readonly dim: 1 | 2;
  readonly start: readonly number[];
  readonly initScale: number;
}

/** Draws the scripts take from the fitted q for its moments (as the CLI's own-space moments). */
export const MOMENT_DRAWS = 20_000;

export function scriptInput(config: RunConfig, steps: number): ScriptInput {
  const target = resolveTarget(config.target);
  if (!target) throw new Error(`unknown target ${config.target.id}`);
  const init = initialQ(target.domain(config.target.params), target.dim);
  return {
    config,
    target,
    exported: target.exportAs?.(config.target.params) ?? { unsupported: 'no-export' },
    family: familyCode(config.family.id),
    steps,
    dim: target.dim,
    start: init.mean,
    initScale: init.scale,
  };
}

/** Python source for a list of numbers. */
export const pyList = (v: readonly number[]): string => `[${v.map(pyNumber).join(', ')}]`;

/** The lines binding θ's coordinates to the names the expressions use. */
function bindings(dim: 1 | 2): string[] {
  return dim === 1 ? ['    x = theta[0]'] : ['    x = theta[0]', '    y = theta[1]'];
}

/**
 * `def log_density(theta)`: top level, so that a test can import it (with stand-ins for the
 * library) and compare it with the page's log p̃. A target that cannot be written raises instead.
 */
export function logDensityFunction(input: ScriptInput, dialect: Dialect, library: string): string[] {
  const doc = '    """log p̃(θ) in the space the run fits: the playground\'s own density (constraint Jacobian included)."""';
  if (!('logDensity' in input.exported)) {
    return ['def log_density(theta):', doc, `    raise NotImplementedError("${input.target.id} cannot be written for ${library}: see the header")`];
  }
  const lines = toPythonLines(input.exported.logDensity, dialect);
  const body = lines.length === 1 ? [`    return ${lines[0]}`] : ['    return (', ...lines.map((l) => `        ${l}`), '    )'];
  return ['def log_density(theta):', doc, ...bindings(input.dim), ...body];
}

/** `def to_constrained(theta)` in numpy (the scripts' read-outs are numpy), for constrained targets. */
export function toConstrainedFunction(input: ScriptInput): string[] {
  if (!('logDensity' in input.exported) || !input.exported.toConstrained || !input.target.constraint) return [];
  const names = input.target.constraint.names.join(', ');
  const exprs = input.exported.toConstrained.map((e) => toPython(e, 'numpy'));
  return [
    'def to_constrained(theta):',
    `    """The target's own parameters (${names}) from the fitted coordinates (${input.target.constraint.unconstrainedNames.join(', ')})."""`,
    ...bindings(input.dim),
    `    return np.stack(np.broadcast_arrays(${exprs.join(', ')}), axis=-1)`,
  ];
}

/** The import lines the density's functions need, per dialect. */
export function mathImports(input: ScriptInput, dialect: Dialect): string[] {
  const used = new Set<string>();
  if ('logDensity' in input.exported) {
    const exprs: ExportExpr[] = [input.exported.logDensity];
    for (const f of functionsOf(exprs[0])) used.add(f);
  }
  const lines: string[] = [];
  if (dialect === 'jax') {
    if (used.has('logsumexp')) lines.push('from jax.scipy.special import logsumexp');
    if (used.has('log_ndtr')) lines.push('from jax.scipy.special import log_ndtr');
    if (used.has('normal_lpdf')) lines.push('from jax.scipy.stats import norm');
  }
  if (dialect === 'pytensor' && used.has('log_ndtr')) lines.push('from pymc.distributions.dist_math import normal_lcdf');
  return lines;
}

/** The report both scripts end with: mean and covariance of q's draws, in the fitted space and, if constrained, the target's own. */
export function reportFunction(input: ScriptInput): string[] {
  const constrained = toConstrainedFunction(input).length > 0;
  return [
    'def report(draws):',
    '    """Prints q\'s mean and covariance as JSON lines, to compare with the page (and `npm run fit -- --json`)."""',
    '    draws = np.asarray(draws, dtype=float).reshape(-1, DIM)',
    '    fitted = {"space": "fitted", "mean": draws.mean(axis=0).tolist(), "cov": np.atleast_2d(np.cov(draws, rowvar=False)).tolist()}',
    '    print(json.dumps(fitted))',
    ...(constrained
      ? [
          '    own = to_constrained(draws.T)',
          '    print(json.dumps({"space": "constrained", "mean": own.mean(axis=0).tolist(), "cov": np.atleast_2d(np.cov(own, rowvar=False)).tolist()}))',
        ]
      : []),
  ];
}

/** The settings block: the page's seed, learning rate, steps and samples, and where q starts. */
export function settings(input: ScriptInput): string[] {
  const c = input.config;
  return [
    `SEED = ${c.seed}`,
    `LEARNING_RATE = ${pyNumber(c.lr)}`,
    `STEPS = ${input.steps}`,
    `SAMPLES = ${c.samples}  # Monte Carlo draws of q per gradient step`,
    `DIM = ${input.dim}`,
    `START = ${pyList(input.start)}  # where the page starts q: a little off the plot box's centre`,
    `INIT_SCALE = ${pyNumber(input.initScale)}  # q's starting standard deviation on the page`,
    `DRAWS = ${MOMENT_DRAWS}  # draws from the fitted q for the printed moments`,
  ];
}

/** The header's lines common to both libraries: what was exported, and how the target maps. */
export function headerLines(input: ScriptInput, library: 'NumPyro' | 'PyMC'): string[] {
  const t = input.target;
  const c = input.config;
  const lines = [`VI Playground → ${library}: ${t.name} (${t.id}), fitted with ${findFamilyInfo(c.family.id)?.name ?? c.family.id}.`, ''];
  if (!('logDensity' in input.exported)) {
    lines.push(
      `THIS TARGET CANNOT BE WRITTEN FOR ${library.toUpperCase()}: the playground has no code form of its density`,
      '(no `exportAs` in its target file), so log_density raises NotImplementedError rather than guess.',
      '',
    );
  }
  lines.push(
    'Generated by VI Playground (docs/export.md). log_density below is the playground\'s own log p̃, in',
    'the space the run fits, so the moments printed at the end can be compared with the page and with',
    '`npm run fit -- --json` (up to Monte Carlo error: the random streams differ).',
    '',
    `Target:     ${t.id}${Object.keys(c.target.params).length ? ` ${JSON.stringify(c.target.params)}` : ''}`,
  );
  const source = c.target.formula?.trim().replace(/\s+/g, ' ');
  if (source && /^[A-Za-z0-9 .+\-*/^(),_]*$/.test(source)) lines.push(`Formula:    ${source}`);
  if (t.constraint) {
    const names = t.constraint.names.join(', ');
    const fitted = t.constraint.unconstrainedNames.join(', ');
    lines.push(`Transform:  the run fits (${fitted}); log_density includes log|det ∂(${names})/∂(${fitted})|, and`, `            to_constrained maps draws back to (${names}).`);
  }
  return lines;
}

/** Wraps a long comment sentence into lines of at most `width` characters. */
export function wrap(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A labelled, wrapped header entry ("Family:     …" with continuation lines indented). */
export function entry(label: string, text: string): string[] {
  return wrap(text, 84).map((l, i) => (i === 0 ? `${`${label}:`.padEnd(12)}${l}` : `${' '.repeat(12)}${l}`));
}
