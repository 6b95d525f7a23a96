import * as z from 'zod/mini';
import { findFamily, families } from './families/registry';
import type { FamilySpec } from './families/types';
import { estimators } from './objectives/estimators';
import { findObjective, objectives } from './objectives/registry';
import type { EstimatorId, ObjectiveSpec } from './objectives/types';
import { type ParamSpec, defaultParams, paramSchema } from './params';
import { FORMULA_TARGET_ID, formatDomain } from './formula/formulaTarget';
import { formulaUnusable, own, readFormula, unknownSettings } from './flatReader';
import { echo, readNumber } from './numbers';
import { findTarget, targets } from './targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, resolveTarget } from './targets/resolve';

/**
 * RunConfig: the ONE description of a run (DESIGN.md). The URL reader, the CLI, the embed API and
 * the worker all go through this file, so a value one of them rejects, all reject, with the same
 * message. Ranges live here (and in the target/family specs), never in the UI.
 */

export const ESTIMATORS = estimators.map((e) => e.id) as [EstimatorId, ...EstimatorId[]];
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export const BACKENDS = ['auto', 'cpu', 'webgl'] as const;

/** Run-level knobs, described like target parameters so sliders and validation share them. */
export const LR: ParamSpec = {
  name: 'lr',
  label: 'learning rate',
  min: 0.001,
  max: 0.5,
  step: 0.001,
  default: 0.05,
  scale: 'log',
  help: 'Adam step size. Large values make q jitter around the optimum.',
};
export const SAMPLES: ParamSpec = {
  name: 'samples',
  label: 'samples per step',
  min: 1,
  max: 2048,
  step: 1,
  default: 256,
  integer: true,
  scale: 'log',
  help: 'Monte Carlo samples of ε per gradient step: more samples, less gradient noise.',
};
/**
 * How many optimisation steps a second the player may take (per run). The plain-JS fast path can
 * take tens of thousands, which is too fast to watch: the learner slows it down to see q move.
 * The top of the range means "as fast as the engine goes".
 */
export const SPEED: ParamSpec = {
  name: 'speed',
  label: 'speed (steps/s)',
  min: 10,
  max: 100000,
  step: 1,
  default: 2000,
  integer: true,
  scale: 'log',
  help: 'Steps per second the player may take. The right end runs as fast as the engine can.',
};
/**
 * Iterate averaging (src/core/engine/averaging.ts): read-outs describe the average of the recent
 * iterates instead of the last one, so a constant step size still ends at the optimum. On in the
 * CLI (it reports answers); off in the page by default, so the learner first sees the raw jitter.
 */
export const AVERAGING_KEY = 'averaging';
export const AVERAGING_VALUES = ['off', 'on'] as const;
export const SEED: ParamSpec = { name: 'seed', label: 'seed', min: 0, max: 2147483647, step: 1, default: 1, integer: true };

const idSchema = (kind: string, ids: readonly string[]) =>
  z.string().check(z.refine((v) => ids.includes(v), { error: (i) => `unknown ${kind} "${String(i.input)}"; valid: ${ids.join(', ')}` }));

/** Catalogue ids plus 'formula', the user's own log density (compiled per config, not in the registry). */
const targetIds = [...targets.map((t) => t.id), FORMULA_TARGET_ID];
const range = z.readonly(z.tuple([z.number(), z.number()]));
const familyIds = families.map((f) => f.id);
const objectiveIds = objectives.map((o) => o.id);

function buildParamsObject(specs: readonly ParamSpec[], prefix: string) {
  return z.object(Object.fromEntries(specs.map((s) => [s.name, paramSchema({ ...s, name: `${prefix}.${s.name}` })])));
}

/**
 * One schema per spec list, built once: zod compiles each new object schema on first use, which
 * made every parse (and so every link, CLI call and UI change) cost about a millisecond more.
 */
const paramsObjects = new WeakMap<readonly ParamSpec[], Map<string, ReturnType<typeof buildParamsObject>>>();
function paramsObject(specs: readonly ParamSpec[], prefix: string) {
  const byPrefix = paramsObjects.get(specs) ?? new Map<string, ReturnType<typeof buildParamsObject>>();
  paramsObjects.set(specs, byPrefix);
  const schema = byPrefix.get(prefix) ?? buildParamsObject(specs, prefix);
  byPrefix.set(prefix, schema);
  return schema;
}

const choiceSchema = <T extends string>(name: string, options: readonly [T, ...T[]]) =>
  z.enum(options, { error: (i) => `unknown ${name} "${String(i.input)}"; valid: ${options.join(', ')}` });

export const RunConfigSchema = z
  .object({
    target: z.object({
      id: idSchema('target', targetIds),
      params: z.record(z.string(), z.number()),
      formula: z.optional(z.string()),
      domain: z.optional(z.object({ x: range, y: z.optional(range) })),
    }),
    family: z.object({ id: idSchema('family', familyIds), options: z.record(z.string(), z.number()) }),
    objective: z.object({ id: idSchema('objective', objectiveIds), options: z.record(z.string(), z.number()) }),
    estimator: choiceSchema('estimator', ESTIMATORS),
    optimizer: choiceSchema('optimizer', OPTIMIZERS),
    lr: paramSchema(LR),
    samples: paramSchema(SAMPLES),
    seed: paramSchema(SEED),
    speed: paramSchema(SPEED),
    backend: choiceSchema('backend', BACKENDS),
    averaging: z.boolean(),
  })
  .check(
    z.superRefine((c, ctx) => {
    // Parameters are checked against the chosen target's and family's own specs.
    let t = findTarget(c.target.id);
    if (c.target.id === FORMULA_TARGET_ID) {
      try {
        t = resolveTarget(c.target);
        const fatal = formulaUnusable(c.target.formula ?? DEFAULT_FORMULA, c.target.domain ?? DEFAULT_FORMULA_DOMAIN);
        if (fatal.length > 0) ctx.addIssue({ code: 'custom', message: `formula: ${fatal[0]}`, path: ['target', 'formula'] });
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e), path: ['target', 'formula'] });
      }
    }
    const f = findFamily(c.family.id);
    const o = findObjective(c.objective.id);
    const checks: [readonly ParamSpec[] | undefined, Record<string, number>, string, string[]][] = [
      [t?.params, c.target.params, 'target', ['target', 'params']],
      [f?.options, c.family.options, 'family', ['family', 'options']],
      [o?.options, c.objective.options, 'objective', ['objective', 'options']],
    ];
    for (const [specs, values, prefix, path] of checks) {
      if (!specs) continue;
      for (const key of Object.keys(values)) {
        if (!specs.some((s) => s.name === key)) {
          ctx.addIssue({ code: 'custom', message: `unknown ${prefix} parameter "${key}"; valid: ${specs.map((s) => s.name).join(', ') || 'none'}`, path: [...path, key] });
        }
      }
      const r = paramsObject(specs, prefix).safeParse(values);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] });
    }
    // IWAE-K groups the step's samples in K's: fewer samples than K cannot form one group.
    const K = c.objective.options.K;
    if (K !== undefined && c.samples < K) {
      ctx.addIssue({ code: 'custom', message: `samples per step (${c.samples}) must be at least K = ${K} for ${o?.name ?? c.objective.id}`, path: ['samples'] });
    }
    const dimWhy = t && f ? (f.unsupportedDim?.(t.dim) ?? null) : null;
    if (dimWhy) ctx.addIssue({ code: 'custom', message: `${f?.name} cannot fit ${t?.name}: ${dimWhy}`, path: ['family'] });
    if (f && o) {
      const why = incompatibility(f, o, c.estimator);
      if (why) ctx.addIssue({ code: 'custom', message: why, path: ['objective'] });
    }
    }),
  );

/**
 * Why a family cannot be fitted with this objective and estimator, or null when it can. Families
 * with their own fitting rule (MAP, SVGD) ignore the objective, so anything goes for them.
 */
export function incompatibility(family: FamilySpec, objective: ObjectiveSpec, estimator: EstimatorId): string | null {
  if (family.fittedBy !== 'objective') return null;
  const why = objective.unsupported(family);
  if (why) return `${objective.name} cannot fit ${family.name}: ${why}`;
  if (!objective.estimators.includes(estimator)) {
    return `${objective.name} works with the ${objective.estimators.join(', ')} estimator(s), not ${estimator}`;
  }
  if (estimator !== 'reparam' && family.density !== 'anywhere') {
    return `the ${estimator} estimator needs log q at any point, which ${family.name} does not have`;
  }
  return null;
}

export type RunConfig = z.infer<typeof RunConfigSchema>;
export type Backend = (typeof BACKENDS)[number];

export function defaultConfig(targetId = 'correlated-gaussian', familyId = 'full-rank'): RunConfig {
  const t = findTarget(targetId) ?? targets[0];
  const f = findFamily(familyId) ?? families[0];
  return {
    target: { id: t.id, params: defaultParams(t.params) },
    family: { id: f.id, options: defaultParams(f.options) },
    objective: { id: 'reverse-kl', options: {} },
    estimator: 'reparam',
    optimizer: 'adam',
    lr: LR.default,
    samples: SAMPLES.default,
    seed: SEED.default,
    speed: SPEED.default,
    backend: 'auto',
    averaging: false,
  };
}

/** Strict parse (worker, CLI, embed commands): throws one readable message listing every problem. */
export function parseRunConfig(input: unknown): RunConfig {
  const r = RunConfigSchema.safeParse(input);
  if (r.success) return r.data;
  throw new Error(r.error.issues.map(issueMessage).join('; '));
}

/** Our own messages name their field; zod's generic ones ("Invalid option: …") get the path prefixed. */
function issueMessage(i: z.core.$ZodIssue): string {
  const key = i.path.length > 0 ? String(i.path[i.path.length - 1]) : '';
  return key && !i.message.includes(key) ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;
}

/**
 * The flat, human-readable form used by the URL hash and the CLI:
 * target=banana&target.b=0.3&family=full-rank&lr=0.05&samples=256&seed=1.
 */
export type FlatConfig = Record<string, string>;

export function toFlat(c: RunConfig): FlatConfig {
  const flat: FlatConfig = { target: c.target.id };
  if (c.target.id === FORMULA_TARGET_ID) {
    flat.formula = c.target.formula ?? DEFAULT_FORMULA;
    flat.domain = formatDomain(c.target.domain ?? DEFAULT_FORMULA_DOMAIN);
  }
  for (const [k, v] of Object.entries(c.target.params)) flat[`target.${k}`] = String(v);
  flat.family = c.family.id;
  for (const [k, v] of Object.entries(c.family.options)) flat[`family.${k}`] = String(v);
  flat.objective = c.objective.id;
  for (const [k, v] of Object.entries(c.objective.options)) flat[`objective.${k}`] = String(v);
  flat.estimator = c.estimator;
  flat.optimizer = c.optimizer;
  flat.lr = String(c.lr);
  flat.samples = String(c.samples);
  flat.seed = String(c.seed);
  flat.speed = String(c.speed);
  if (c.backend !== 'auto') flat.backend = c.backend;
  if (c.averaging) flat[AVERAGING_KEY] = 'on';
  return flat;
}

/** Keys of the flat form that are not part of RunConfig but are understood by the app. */
export const APP_KEYS = ['autoplay'] as const;

export interface Resolved {
  readonly config: RunConfig;
  /** One sentence per value that was missing a meaning and got its default instead. */
  readonly problems: string[];
  /** The same problems without the fallback, for strict callers (the CLI exits on the first). */
  readonly errors: string[];
}

/**
 * Lenient parse (URL, embed hash): every invalid or out-of-range value is replaced by its
 * default and named in `problems`, so the user is told and nothing else is lost.
 */
export function resolveFlat(flat: Readonly<Record<string, string | undefined>>): Resolved {
  const problems: string[] = [];
  const errors: string[] = [];
  const report = (message: string, fallback: string) => {
    problems.push(`${message}; ${fallback}.`);
    errors.push(message);
  };
  // An empty value ("seed=", "--seed=") is a mistake like any other, not a request for the default.
  const num = (key: string, spec: ParamSpec, fallback: number): number => {
    const raw = own(flat, key);
    if (raw === undefined) return fallback;
    const r = readNumber(raw, { ...spec, name: key });
    if (r.ok) return r.value;
    report(r.message, `using ${fallback}`);
    return fallback;
  };
  const choice = <T extends string>(key: string, options: readonly T[], fallback: T): T => {
    const raw = own(flat, key);
    if (raw === undefined) return fallback;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    report(`${raw === '' ? `${key} is empty` : `unknown ${key} "${echo(raw)}"`}; valid: ${options.join(', ')}`, `using ${fallback}`);
    return fallback;
  };

  const base = defaultConfig();
  // A formula alone (CLI --formula, or a hand-made link) means the formula target.
  const requested = own(flat, 'target') === undefined && own(flat, 'formula') !== undefined ? FORMULA_TARGET_ID : choice('target', targetIds, base.target.id);
  let formula: { formula: string; domain: RunConfig['target']['domain'] } | null = null;
  let targetId = requested;
  if (requested === FORMULA_TARGET_ID) {
    const read = readFormula(flat);
    if ('error' in read) {
      // Falls back to the same target as an empty link, and says which one.
      targetId = base.target.id;
      report(read.error, `using the default target, ${findTarget(targetId)?.name ?? targetId}`);
    } else formula = read;
  }
  const target = (formula ? resolveTarget({ id: FORMULA_TARGET_ID, params: {}, ...formula }) : findTarget(targetId)) ?? targets[0];
  let family = findFamily(choice('family', familyIds, base.family.id)) ?? families[0];
  const requestedFamily = family;
  const dimClash = family.unsupportedDim?.(target.dim) ?? null;
  if (dimClash) {
    const fallback = findFamily(base.family.id) ?? families[0];
    report(`${family.name} cannot fit ${target.name}: ${dimClash}`, `using ${fallback.name}`);
    family = fallback;
  }
  let objective = findObjective(choice('objective', objectiveIds, base.objective.id)) ?? objectives[0];
  let estimator = choice('estimator', ESTIMATORS, base.estimator);
  const clash = incompatibility(family, objective, estimator);
  if (clash) {
    const fallback = findObjective(base.objective.id) ?? objectives[0];
    report(clash, `using ${fallback.name} with the reparam estimator`);
    objective = fallback;
    estimator = 'reparam';
  }
  const known = new Set<string>(['formula', 'domain', 'target', 'family', 'objective', 'estimator', 'optimizer', 'lr', 'samples', 'seed', 'speed', 'backend', AVERAGING_KEY, ...APP_KEYS]);
  for (const s of target.params) known.add(`target.${s.name}`);
  // The requested family's options are known even when it was replaced (its clash is reported once).
  for (const s of [...family.options, ...requestedFamily.options]) known.add(`family.${s.name}`);
  for (const s of objective.options) known.add(`objective.${s.name}`);
  // All unknown keys make one notice: a link with 100,000 junk keys must not make 100,000.
  const unknown = unknownSettings(
    Object.keys(flat).filter((key) => !known.has(key)),
    known,
  );
  if (unknown) {
    problems.push(unknown.problem);
    errors.push(unknown.error);
  }

  const config: RunConfig = {
    target: {
      id: target.id,
      params: Object.fromEntries(target.params.map((s) => [s.name, num(`target.${s.name}`, s, s.default)])),
      ...(formula ?? {}),
    },
    family: {
      id: family.id,
      options: Object.fromEntries(family.options.map((s) => [s.name, num(`family.${s.name}`, s, s.default)])),
    },
    objective: {
      id: objective.id,
      options: Object.fromEntries(objective.options.map((s) => [s.name, num(`objective.${s.name}`, s, s.default)])),
    },
    estimator,
    optimizer: choice('optimizer', OPTIMIZERS, base.optimizer),
    lr: num('lr', LR, LR.default),
    samples: num('samples', SAMPLES, SAMPLES.default),
    seed: num('seed', SEED, SEED.default),
    speed: num('speed', SPEED, SPEED.default),
    backend: choice('backend', BACKENDS, base.backend),
    averaging: choice(AVERAGING_KEY, AVERAGING_VALUES, base.averaging ? 'on' : 'off') === 'on',
  };
  const K = config.objective.options.K;
  if (K !== undefined && config.samples < K) {
    report(`samples per step (${config.samples}) must be at least K = ${K}`, `using ${K}`);
    return { config: parseRunConfig({ ...config, samples: K }), problems, errors };
  }
  return { config: parseRunConfig(config), problems, errors };
}
