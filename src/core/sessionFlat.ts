import { AVERAGING_KEY, AVERAGING_VALUES, BACKENDS, ESTIMATORS, FAMILY_IDS, LR, OBJECTIVE_IDS, OPTIMIZERS, SAMPLES, SEED, SPEED, TARGET_IDS, defaultConfig } from './config';
import type { RunConfig } from './config';
import { findFamilyInfo, families } from './families/registry';
import type { FamilyInfo } from './families/types';
import { formatDomain, FORMULA_TARGET_ID } from './formula/formulaTarget';
import { own, readFormula, unknownSettings } from './flatReader';
import { englishNoteWords, type Fallback, type FlatMessage, type FlatNote, noteMessage, noteText } from './flatNotes';
import { echo, readNumber } from './numbers';
import { findObjectiveInfo, objectives } from './objectives/registry';
import type { EstimatorId, ObjectiveInfo } from './objectives/types';
import type { ParamSpec } from './params';
import { MAX_RUNS, type Problem, dimensionProblem, incompatibility } from './rules';
import { type HostSettings, type RunSpec, RUN_KEYS, type SessionConfig, parseSession, runConfigOf, sessionOf } from './session';
import { findTarget, targets } from './targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN, resolveTargetInfo } from './targets/resolve';
import type { TargetInfo } from './targets/types';

/**
 * The flat, human-readable form of a session used by the link and the CLI (docs/link-format.md):
 * target=banana&target.b=0.3&family=mean-field,full-rank&lr=0.05&seed=1. A per-run key takes one
 * value (every run) or a comma list with one value per run; the longest list sets the number of
 * runs. Options of a run's family or objective (family.K=3 or family.K=,3) follow the same rule;
 * an empty entry means that run's default.
 */
export type FlatConfig = Record<string, string>;
export type Flat = Readonly<Record<string, string | undefined>>;
/** Words a rules.ts problem (src/words/problems.ts): core itself builds no sentences from codes. */
export type Wording = (p: Problem) => string;

/**
 * Keys of the flat form that are not part of the session but are understood by the app's view
 * (docs/link-format.md, docs/embedding.md, docs/lessons.md): autoplay, the parts to hide, the
 * embed's host origin, the colour theme, the language, the lesson shown.
 */
export const APP_KEYS = ['autoplay', 'hide', 'origin', 'theme', 'lang', 'lesson'] as const;
/** Every plain key, in the order "valid: …" lists them (as before sessions: run keys after target). */
const KNOWN_KEYS = ['formula', 'domain', 'target', ...RUN_KEYS, 'seed', 'speed', 'backend', AVERAGING_KEY, ...APP_KEYS];

export interface ResolvedSession {
  readonly session: SessionConfig;
  /** One sentence per value that was missing a meaning and got its default instead. */
  readonly problems: string[];
  /** The same problems without the fallback, for strict callers (the CLI exits on the first). */
  readonly errors: string[];
  /** The same problems as codes, for a page that words them in its own language (flatNotes.ts). */
  readonly notes: FlatNote[];
}

/**
 * Lenient parse (link, embed hash): every invalid or out-of-range value is replaced by its
 * default and named in `problems`, so the user is told and nothing else is lost.
 */
export function resolveSession(flat: Flat, word: Wording = codeText): ResolvedSession {
  const problems: string[] = [];
  const errors: string[] = [];
  const notes: FlatNote[] = [];
  const note = (n: FlatNote) => {
    notes.push(n);
    problems.push(noteText(n, englishNoteWords, word));
    errors.push(noteMessage(n, englishNoteWords, word));
  };
  const report: Report = (message, fallback) => note({ message, fallback });
  const reader = makeReader(report);
  const base = defaultConfig();
  // A formula alone (CLI --formula, or a hand-made link) means the formula target.
  const requested =
    own(flat, 'target') === undefined && own(flat, 'formula') !== undefined ? FORMULA_TARGET_ID : reader.choice('target', own(flat, 'target'), TARGET_IDS, base.target.id);
  let formula: { formula: string; domain: RunConfig['target']['domain'] } | null = null;
  let targetId = requested;
  if (requested === FORMULA_TARGET_ID) {
    const read = readFormula(flat);
    if ('error' in read) {
      // Falls back to the same target as an empty link, and says which one.
      targetId = base.target.id;
      report(read.error, { code: 'default-target', name: findTarget(targetId)?.name ?? targetId });
    } else formula = read;
  }
  const target = (formula ? resolveTargetInfo({ id: FORMULA_TARGET_ID, params: {}, ...formula }) : findTarget(targetId)) ?? targets[0];

  const lists = readLists(flat, report);
  const known = new Set<string>(KNOWN_KEYS);
  for (const s of target.params) known.add(`target.${s.name}`);
  const perRun = Array.from({ length: lists.runs }, (_, i) => {
    const run: Report = (message, fallback) => note({ ...(lists.runs > 1 ? { run: i } : {}), message, fallback });
    return { value: (key: string) => lists.value(key, i), report: run };
  });
  // Problems come in the order a single-run link always gave them (the CLI exits on the first):
  // choices, unknown keys, target parameters, the runs' numbers, the shared settings, samples < K.
  const choices = perRun.map((r) => chooseRun(target, r.value, r.report, known));
  const unknown = unknownSettings(
    Object.keys(flat).filter((key) => !known.has(key)),
    known,
  );
  if (unknown) note(unknown);
  const params = Object.fromEntries(target.params.map((s) => [s.name, reader.num(`target.${s.name}`, own(flat, `target.${s.name}`), s, s.default)]));
  const specs = choices.map((c, i) => readRun(c, perRun[i].value, perRun[i].report));
  const seed = reader.num('seed', own(flat, 'seed'), SEED, SEED.default);
  const speed = reader.num('speed', own(flat, 'speed'), SPEED, SPEED.default);
  const backend = reader.choice('backend', own(flat, 'backend'), BACKENDS, 'auto');
  const averaging = reader.choice(AVERAGING_KEY, own(flat, AVERAGING_KEY), AVERAGING_VALUES, base.averaging ? 'on' : 'off') === 'on';
  const session: SessionConfig = {
    target: { id: target.id, params, ...(formula ?? {}) },
    seed,
    averaging,
    speed,
    backend,
    runs: specs.map((spec, i) => withEnoughSamples(spec, choices[i].objective, perRun[i].report)),
  };
  // The strict schema has the last word (it throws only on a bug in the fallbacks above).
  return { session: parseSession(session), problems, errors, notes };
}

type Report = (message: FlatMessage, fallback: Fallback) => void;

function makeReader(report: Report) {
  return {
    // An empty value ("seed=", "--seed=") is a mistake like any other, not a request for the default.
    num(key: string, raw: string | undefined, spec: ParamSpec, fallback: number): number {
      if (raw === undefined) return fallback;
      const r = readNumber(raw, { ...spec, name: key });
      if (r.ok) return r.value;
      report({ code: 'number', key, got: echo(raw), why: r.why }, { code: 'using', value: String(fallback) });
      return fallback;
    },
    choice<T extends string>(key: string, raw: string | undefined, options: readonly T[], fallback: T): T {
      if (raw === undefined) return fallback;
      if ((options as readonly string[]).includes(raw)) return raw as T;
      report({ code: 'choice', key, got: echo(raw), valid: options }, { code: 'using', value: fallback });
      return fallback;
    },
  };
}

/** The comma lists of the per-run keys and their options, and how many runs they describe. */
function readLists(flat: Flat, report: Report) {
  const isRunKey = (key: string) => (RUN_KEYS as readonly string[]).includes(key) || key.startsWith('family.') || key.startsWith('objective.');
  const lists = new Map<string, string[]>();
  for (const key of Object.keys(flat)) {
    const raw = own(flat, key);
    if (raw !== undefined && isRunKey(key)) lists.set(key, raw.split(','));
  }
  let runs = Math.max(1, ...[...lists.entries()].filter(([k]) => (RUN_KEYS as readonly string[]).includes(k)).map(([, v]) => v.length));
  const capped = runs > MAX_RUNS;
  if (capped) {
    report({ code: 'rule', problem: { code: 'run-count', got: runs, max: MAX_RUNS } }, { code: 'first-runs', max: MAX_RUNS });
    runs = MAX_RUNS;
  }
  for (const [key, values] of lists) {
    if (values.length === 1 || values.length === runs) continue;
    if (values.length > runs && values.slice(runs).every((v) => v === '')) continue;
    // Lists too long for any session were just reported (run-count): keep their first runs, as it says.
    if (capped && values.length > MAX_RUNS) {
      lists.set(key, values.slice(0, runs));
      continue;
    }
    // An empty first entry means "the default", so the fallback is the default, not an empty value
    // (which the number reader would refuse a second time).
    const first = values[0];
    report({ code: 'rule', problem: { code: 'list-length', key, got: values.length, runs } }, first === '' ? { code: 'default-every-run' } : { code: 'same-every-run', value: echo(first) });
    lists.set(key, first === '' ? [] : [first]);
  }
  return {
    runs,
    /** The raw value of `key` for run i: undefined when absent or left empty in a list. */
    value(key: string, i: number): string | undefined {
      const values = lists.get(key);
      if (values === undefined) return own(flat, key);
      // [] is a list that fell back to the default for every run.
      const v = values.length === 1 ? values[0] : values[i];
      return v === '' && values.length > 1 ? undefined : v;
    },
  };
}

interface RunChoice {
  readonly family: FamilyInfo;
  readonly objective: ObjectiveInfo;
  readonly estimator: EstimatorId;
}

type Value = (key: string) => string | undefined;

/** One run's family, objective and estimator, each falling back to its default with a reason; notes their option keys as known. */
function chooseRun(target: TargetInfo, value: Value, report: Report, known: Set<string>): RunChoice {
  const reader = makeReader(report);
  const base = defaultConfig();
  let family = findFamilyInfo(reader.choice('family', value('family'), FAMILY_IDS, base.family.id)) ?? families[0];
  const requestedFamily = family;
  const dimClash = dimensionProblem(target, family);
  if (dimClash) {
    const fallback = findFamilyInfo(base.family.id) ?? families[0];
    report({ code: 'rule', problem: dimClash }, { code: 'using', value: fallback.name, family: fallback.id });
    family = fallback;
  }
  let objective = findObjectiveInfo(reader.choice('objective', value('objective'), OBJECTIVE_IDS, base.objective.id)) ?? objectives[0];
  let estimator = reader.choice('estimator', value('estimator'), ESTIMATORS, base.estimator);
  const clash = incompatibility(family, objective, estimator);
  if (clash) {
    const fallback = findObjectiveInfo(base.objective.id) ?? objectives[0];
    report({ code: 'rule', problem: clash }, { code: 'objective-reparam', objective: fallback.name });
    objective = fallback;
    estimator = 'reparam';
  }
  // The requested family's options are known even when it was replaced (its clash is reported once).
  for (const s of [...family.options, ...requestedFamily.options]) known.add(`family.${s.name}`);
  for (const s of objective.options) known.add(`objective.${s.name}`);
  return { family, objective, estimator };
}

/** One run's options, optimiser and numbers, each falling back to its default with a reason. */
function readRun({ family, objective, estimator }: RunChoice, value: Value, report: Report): RunSpec {
  const reader = makeReader(report);
  const options = (prefix: string, specs: readonly ParamSpec[]) =>
    Object.fromEntries(specs.map((s) => [s.name, reader.num(`${prefix}.${s.name}`, value(`${prefix}.${s.name}`), s, s.default)]));
  return {
    family: { id: family.id, options: options('family', family.options) },
    objective: { id: objective.id, options: options('objective', objective.options) },
    estimator,
    optimizer: reader.choice('optimizer', value('optimizer'), OPTIMIZERS, defaultConfig().optimizer),
    lr: reader.num('lr', value('lr'), LR, LR.default),
    samples: reader.num('samples', value('samples'), SAMPLES, SAMPLES.default),
  };
}

/** IWAE-K needs K samples per step: fewer are raised to K, with a reason. */
function withEnoughSamples(spec: RunSpec, objective: ObjectiveInfo, report: Report): RunSpec {
  const K = spec.objective.options.K;
  if (K === undefined || spec.samples >= K) return spec;
  report({ code: 'rule', problem: { code: 'samples-below-k', samples: spec.samples, K, objective: objective.name } }, { code: 'using', value: String(K) });
  return { ...spec, samples: K };
}

/** The flat form of a session: per-run keys as one value when every run agrees, else a list (family always lists several runs). */
export function toFlatSession(s: SessionConfig): FlatConfig {
  const flat: FlatConfig = { target: s.target.id };
  if (s.target.id === FORMULA_TARGET_ID) {
    flat.formula = s.target.formula ?? DEFAULT_FORMULA;
    flat.domain = formatDomain(s.target.domain ?? DEFAULT_FORMULA_DOMAIN);
  }
  for (const [k, v] of Object.entries(s.target.params)) flat[`target.${k}`] = String(v);
  const put = (key: string, values: readonly (string | undefined)[], list = false) => {
    const present = values.filter((v): v is string => v !== undefined);
    if (present.length === 0) return;
    // One value when every run that has the key agrees (runs without it ignore a single value);
    // `list` asks for one entry per run even then.
    flat[key] = !list && present.every((v) => v === present[0]) ? present[0] : values.map((v) => v ?? '').join(',');
  };
  const runs = s.runs;
  // family always lists every run of several, so the link keeps its run count even when the runs
  // agree on everything (a duplicated run); the reader counts runs by the longest list.
  put('family', runs.map((r) => r.family.id), runs.length > 1);
  for (const name of optionNames(runs.map((r) => r.family.options))) put(`family.${name}`, runs.map((r) => opt(r.family.options, name)));
  put('objective', runs.map((r) => r.objective.id));
  for (const name of optionNames(runs.map((r) => r.objective.options))) put(`objective.${name}`, runs.map((r) => opt(r.objective.options, name)));
  put('estimator', runs.map((r) => r.estimator));
  put('optimizer', runs.map((r) => r.optimizer));
  put('lr', runs.map((r) => String(r.lr)));
  put('samples', runs.map((r) => String(r.samples)));
  flat.seed = String(s.seed);
  flat.speed = String(s.speed);
  if (s.backend !== 'auto') flat.backend = s.backend;
  if (s.averaging) flat[AVERAGING_KEY] = 'on';
  return flat;
}

const opt = (options: Readonly<Record<string, number>>, name: string) => (Object.hasOwn(options, name) ? String(options[name]) : undefined);

function optionNames(all: readonly Readonly<Record<string, number>>[]): string[] {
  return [...new Set(all.flatMap((o) => Object.keys(o)))];
}

/** Without words (core's own tests): the code and its parameters, never a sentence. */
export function codeText(p: Problem): string {
  return p.code === 'text' ? p.text : `${p.code} ${JSON.stringify(p)}`;
}

export interface Resolved {
  readonly config: RunConfig;
  readonly host: HostSettings;
  readonly problems: string[];
  readonly errors: string[];
}

/** A single-run reading (the CLI, benchmarks, tests): the first run of the resolved session. */
export function resolveFlat(flat: Flat, word: Wording = codeText): Resolved {
  const { session, problems, errors } = resolveSession(flat, word);
  return { config: runConfigOf(session, 0), host: { speed: session.speed, backend: session.backend }, problems, errors };
}

/** The flat form of one run (a session of one). */
export function toFlat(config: RunConfig, host?: HostSettings): FlatConfig {
  return toFlatSession(sessionOf([config], host));
}
