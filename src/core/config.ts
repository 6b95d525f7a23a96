import * as z from 'zod/mini';
import { findFamilyInfo, families } from './families/registry';
import { estimators } from './objectives/estimators';
import { findObjectiveInfo, objectives } from './objectives/registry';
import type { EstimatorId } from './objectives/types';
import { type ParamSpec, defaultParams, paramSchema } from './params';
import { FORMULA_TARGET_ID } from './formula/formulaTarget';
import { formulaUnusable } from './flatReader';
import { type Problem, runProblems } from './rules';
import { findTarget, targets } from './targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, resolveTargetInfo } from './targets/resolve';

/**
 * RunConfig: what one Run needs (docs/architecture.md#runconfig): the target, the
 * seed and the read-out averaging (shared by a session's runs) plus the run's own family,
 * objective, estimator, optimiser, learning rate and samples. Host-wide settings (speed,
 * backend) are the session's (session.ts). The URL reader, the CLI, the embed API and the worker
 * all validate through this file and rules.ts, so a value one of them rejects, all reject, with
 * the same message. Ranges live here (and in the target/family specs), never in the UI.
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
export const TARGET_IDS: readonly string[] = targetIds;
export const FAMILY_IDS: readonly string[] = familyIds;
export const OBJECTIVE_IDS: readonly string[] = objectiveIds;

/** The target and its parameters: shared by every run of a session. */
export const TargetSchema = z.object({
  id: idSchema('target', targetIds),
  params: z.record(z.string(), z.number()),
  formula: z.optional(z.string()),
  domain: z.optional(z.object({ x: range, y: z.optional(range) })),
});

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
    target: TargetSchema,
    family: z.object({ id: idSchema('family', familyIds), options: z.record(z.string(), z.number()) }),
    objective: z.object({ id: idSchema('objective', objectiveIds), options: z.record(z.string(), z.number()) }),
    estimator: choiceSchema('estimator', ESTIMATORS),
    optimizer: choiceSchema('optimizer', OPTIMIZERS),
    lr: paramSchema(LR),
    samples: paramSchema(SAMPLES),
    seed: paramSchema(SEED),
    averaging: z.boolean(),
  })
  .check(
    z.superRefine((c, ctx) => {
      // Parameters are checked against the chosen target's and family's own specs.
      let t = findTarget(c.target.id);
      if (c.target.id === FORMULA_TARGET_ID) {
        try {
          t = resolveTargetInfo(c.target);
          const fatal = formulaUnusable(c.target.formula ?? DEFAULT_FORMULA, c.target.domain ?? DEFAULT_FORMULA_DOMAIN);
          if (fatal.length > 0) addProblem(ctx, { code: 'text', text: `formula: ${fatal[0]}` }, ['target', 'formula']);
        } catch (e) {
          addProblem(ctx, { code: 'text', text: e instanceof Error ? e.message : String(e) }, ['target', 'formula']);
        }
      }
      const f = findFamilyInfo(c.family.id);
      const o = findObjectiveInfo(c.objective.id);
      const checks: [readonly ParamSpec[] | undefined, Record<string, number>, string, string[]][] = [
        [t?.params, c.target.params, 'target', ['target', 'params']],
        [f?.options, c.family.options, 'family', ['family', 'options']],
        [o?.options, c.objective.options, 'objective', ['objective', 'options']],
      ];
      for (const [specs, values, prefix, path] of checks) {
        if (!specs) continue;
        for (const key of Object.keys(values)) {
          if (!specs.some((s) => s.name === key)) {
            const text = `unknown ${prefix} parameter "${key}"; valid: ${specs.map((s) => s.name).join(', ') || 'none'}`;
            addProblem(ctx, { code: 'text', text }, [...path, key]);
          }
        }
        const r = paramsObject(specs, prefix).safeParse(values);
        if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...path, ...issue.path] });
      }
      // The combination rules live in rules.ts (one module for schema, link, controller and worker).
      if (t && f && o) {
        const paths: Record<string, string[]> = { 'samples-below-k': ['samples'], 'family-dim': ['family'] };
        for (const p of runProblems(t, f, o, { estimator: c.estimator, samples: c.samples, objectiveOptions: c.objective.options })) {
          addProblem(ctx, p, paths[p.code] ?? ['objective']);
        }
      }
    }),
  );

/** A rules.ts problem as a zod issue: the code travels in params, the message is only a fallback. */
function addProblem(ctx: { addIssue(issue: z.core.$ZodRawIssue): void }, problem: Problem, path: string[]): void {
  ctx.addIssue({ code: 'custom', message: problem.code === 'text' ? problem.text : problem.code, params: { problem }, path, input: undefined });
}

export type RunConfig = z.infer<typeof RunConfigSchema>;
export type TargetChoice = RunConfig['target'];
export type Backend = (typeof BACKENDS)[number];

export function defaultConfig(targetId = 'correlated-gaussian', familyId = 'full-rank'): RunConfig {
  const t = findTarget(targetId) ?? targets[0];
  const f = findFamilyInfo(familyId) ?? families[0];
  return {
    target: { id: t.id, params: defaultParams(t.params) },
    family: { id: f.id, options: defaultParams(f.options) },
    objective: { id: 'reverse-kl', options: {} },
    estimator: 'reparam',
    optimizer: 'adam',
    lr: LR.default,
    samples: SAMPLES.default,
    seed: SEED.default,
    averaging: false,
  };
}

/** One problem of a refused config and where it is (a dotted path, '' for the whole). */
export interface PlacedProblem {
  readonly path: string;
  readonly problem: Problem;
}

/**
 * A config the schema refuses: every problem, as codes. Callers word them with
 * src/words/problems.ts (wordError), so the worker, the CLI and the page say the same thing.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly PlacedProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ` : '') + (p.problem.code === 'text' ? p.problem.text : p.problem.code)).join('; '));
    this.name = 'ConfigError';
  }
}

/** Strict parse (worker, CLI, embed commands): throws a ConfigError listing every problem. */
export function parseRunConfig(input: unknown): RunConfig {
  const r = RunConfigSchema.safeParse(input);
  if (r.success) return r.data;
  throw new ConfigError(r.error.issues.map(placeIssue));
}

/** Our own messages name their field; zod's generic ones ("Invalid option: …") get the path prefixed. */
export function placeIssue(i: z.core.$ZodIssue): PlacedProblem {
  const coded = (i as { params?: { problem?: Problem } }).params?.problem;
  if (coded) return { path: '', problem: coded };
  const key = i.path.length > 0 ? String(i.path[i.path.length - 1]) : '';
  const text = key && !i.message.includes(key) ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;
  return { path: '', problem: { code: 'text', text } };
}

