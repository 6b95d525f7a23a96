// Generators shared by the property tests of the link reader, the CLI and the formula language.
import fc from 'fast-check';
import { type RunConfig, BACKENDS, ESTIMATORS, LR, OPTIMIZERS, SAMPLES, SEED, SPEED, parseRunConfig } from '../config';
import { MAX_RUNS, incompatibility } from '../rules';
import type { RunSpec, SessionConfig } from '../session';
import { APP_KEYS } from '../sessionFlat';
import { families } from '../families/registry';
import { FORMULA_TARGET_ID } from '../formula/formulaTarget';
import { objectives } from '../objectives/registry';
import type { ParamSpec } from '../params';
import { targets } from '../targets/registry';

/** Keys that touch Object.prototype when used to index a plain object. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'] as const;

/** Every key the flat form knows, and a few it must not be fooled by. */
export const FLAT_KEYS: readonly string[] = [
  'target',
  'formula',
  'domain',
  'family',
  'objective',
  'estimator',
  'optimizer',
  'lr',
  'samples',
  'seed',
  'speed',
  'backend',
  ...APP_KEYS,
  ...new Set(targets.flatMap((t) => t.params.map((p) => `target.${p.name}`))),
  ...new Set(families.flatMap((f) => f.options.map((p) => `family.${p.name}`))),
  ...new Set(objectives.flatMap((o) => o.options.map((p) => `objective.${p.name}`))),
  ...PROTOTYPE_NAMES,
  ...PROTOTYPE_NAMES.map((n) => `target.${n}`),
];

const IDS = [...targets.map((t) => t.id), FORMULA_TARGET_ID, ...families.map((f) => f.id), ...objectives.map((o) => o.id), ...ESTIMATORS, ...OPTIMIZERS, ...BACKENDS];

/** Spellings that Number() reads but a person did not mean as plain decimals, and other traps. */
const TRAPS = [
  '0x10', '0X1F', '0b11', '0o17', '0', '-0', '+0', '+', '-', '−', '.', 'e5', '1e', '1e+', '1.2.3', '١٢', '７', '1_000', '1,5',
  ' 7 ', '7 ', '\t7', '7\n', '\u00a07', '1e-400', '-1e-400', '1e999', '-1e999', '1e39', '-1e39', '1e308', '5e-324',
  'Infinity', '-Infinity', 'NaN', 'null', 'undefined', 'true', '[]', '{}', '−0.5', '.5', '5.', '1E3', '%', '%%', '%E0%A4%A', '',
];

/** A number as people and programs write it, then often broken. */
export const numberish: fc.Arbitrary<string> = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.double({ min: -2, max: 2, noNaN: true }).map((v) => v.toPrecision(3)),
  fc.constantFrom(...TRAPS),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: -500, max: 500 })).map(([m, e]) => `${m}e${e}`),
  fc.tuple(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(' ', '\t', '\u2003', 'x', '.', 'e')).map(([n, s]) => `${n}${s}`),
);

/** Any value a key may get: numbers, ids, traps, prototype names, unicode and long junk. */
export const flatValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: numberish, weight: 5 },
  { arbitrary: fc.constantFrom(...IDS), weight: 2 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_NAMES), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.constantFrom('-6,6', '-6,6,-6,6', '-1e39,1e39', '0,1e-300', ' -3 , 3 ', '-x^2/2', '1/0', 'log(0)', '-(x^2+y^2)/2'), weight: 1 },
  { arbitrary: fc.integer({ min: 41, max: 3000 }).map((n) => '9'.repeat(n)), weight: 1 },
);

export const flatKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...FLAT_KEYS), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }), weight: 1 },
);

/** A flat record of mostly known keys with mutated values. */
export const flatRecord: fc.Arbitrary<[string, string][]> = fc.array(fc.tuple(flatKey, flatValue), { maxLength: 8 });

function paramValue(spec: ParamSpec): fc.Arbitrary<number> {
  // Doubles of every size in range (subnormals and 1e-300 included), not just slider steps.
  // No −0: the flat form writes it "0" and the reader reads "-0" as 0, so no link carries it.
  const v = spec.integer ? fc.integer({ min: spec.min, max: spec.max }) : fc.double({ min: spec.min, max: spec.max, noNaN: true });
  return v.map((x) => (x === 0 ? 0 : x));
}

function paramsOf(specs: readonly ParamSpec[]): fc.Arbitrary<Record<string, number>> {
  return fc.record(Object.fromEntries(specs.map((s) => [s.name, paramValue(s)])));
}

/** Formulas that are usable on any box within ±100 (no NaN, ∞ or zero-everywhere). */
const GOOD_FORMULAS: readonly { formula: string; dim: 1 | 2 }[] = [
  { formula: '-x^2/2', dim: 1 },
  { formula: 'logsumexp(-x^2, -(x-1)^2/0.5)', dim: 1 },
  { formula: 'normal_lpdf(x, 0.5, 2)', dim: 1 },
  { formula: '-(x^2+y^2)/2', dim: 2 },
  { formula: '-abs(x) - y^2/3', dim: 2 },
];

const box: fc.Arbitrary<[number, number]> = fc
  .tuple(fc.double({ min: -100, max: 99, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }))
  .map(([lo, w]) => [lo === 0 ? 0 : lo, lo + w]);

const targetChoice: fc.Arbitrary<RunConfig['target']> = fc.oneof(
  { arbitrary: fc.constantFrom(...targets).chain((t) => paramsOf(t.params).map((params) => ({ id: t.id, params }))), weight: 9 },
  {
    // Each new box costs one grid check (~ms): a tenth of the configs keeps the run short.
    arbitrary: fc.tuple(fc.constantFrom(...GOOD_FORMULAS), box, box).map(([f, x, y]) => ({
      id: FORMULA_TARGET_ID,
      params: {},
      formula: f.formula,
      domain: f.dim === 1 ? { x } : { x, y },
    })),
    weight: 1,
  },
);

/** What a run may differ in, anywhere in its ranges (not yet checked against a target). */
const runSpec: fc.Arbitrary<RunSpec> = fc.record({
  family: fc.constantFrom(...families).chain((f) => paramsOf(f.options).map((options) => ({ id: f.id, options }))),
  objective: fc.constantFrom(...objectives).chain((o) => paramsOf(o.options).map((options) => ({ id: o.id, options }))),
  estimator: fc.constantFrom(...ESTIMATORS),
  optimizer: fc.constantFrom(...OPTIMIZERS),
  lr: paramValue(LR),
  samples: paramValue(SAMPLES),
});

/** Whether the strict parser takes this run; the cheap combination check first (most rejections). */
function accepted(c: RunConfig): boolean {
  const f = families.find((s) => s.id === c.family.id);
  const o = objectives.find((s) => s.id === c.objective.id);
  if (!f || !o || incompatibility(f, o, c.estimator)) return false;
  try {
    parseRunConfig(c);
    return true;
  } catch {
    return false;
  }
}

/** RunConfigs the strict parser accepts, with values anywhere in their ranges. */
export const validConfig: fc.Arbitrary<RunConfig> = fc
  .record({ target: targetChoice, seed: paramValue(SEED), averaging: fc.boolean() })
  .chain((shared) => runSpec.map((r): RunConfig => ({ ...shared, ...r })))
  .filter(accepted);

/**
 * Sessions of 1 to MAX_RUNS runs that parseSession accepts: the shared target and host settings,
 * then runs each valid on that target (a run is drawn again until it is, so every length occurs).
 */
export const validSession: fc.Arbitrary<SessionConfig> = fc
  .record({ target: targetChoice, seed: paramValue(SEED), averaging: fc.boolean(), speed: paramValue(SPEED), backend: fc.constantFrom(...BACKENDS) })
  .chain((shared) =>
    fc
      .array(
        runSpec.filter((r) => accepted({ ...r, target: shared.target, seed: shared.seed, averaging: shared.averaging })),
        { minLength: 1, maxLength: MAX_RUNS },
      )
      .map((runs): SessionConfig => ({ ...shared, runs })),
  );

/** Runs `f` and returns its duration in ms alongside its result. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** A generous bound on one call (ms): catches a blow-up, not a slow machine. */
export const MAX_CALL_MS = 1000;
/** Messages must say something, in a sentence or two. */
export const MAX_MESSAGE_CHARS = 700;
