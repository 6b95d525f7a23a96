import * as z from 'zod/mini';
import { BACKENDS, type Backend, ConfigError, type PlacedProblem, type RunConfig, SEED, SPEED, TargetSchema, defaultConfig, parseRunConfig, placeIssue } from './config';
import { paramSchema } from './params';
import { MAX_RUNS } from './rules';

/**
 * A session (docs/architecture.md#sessions-and-runs): one target p and host-wide settings,
 * shared by 1 to MAX_RUNS runs, each fitting its own q. The page, the link, the embed API and
 * the worker all hold this shape; the engine's unit is the RunConfig that runConfigOf builds.
 */

/** What differs between the runs of a session. */
export type RunSpec = Pick<RunConfig, 'family' | 'objective' | 'estimator' | 'optimizer' | 'lr' | 'samples'>;

/** Settings of the worker that hosts every run: one pace, one backend. */
export interface HostSettings {
  readonly speed: number;
  readonly backend: Backend;
}

export interface SessionConfig extends HostSettings {
  readonly target: RunConfig['target'];
  readonly seed: number;
  /** Read-outs of every run describe the average of its recent iterates (engine/averaging.ts). */
  readonly averaging: boolean;
  readonly runs: readonly RunSpec[];
}

/** The per-run keys, in the order the link writes them. */
export const RUN_KEYS = ['family', 'objective', 'estimator', 'optimizer', 'lr', 'samples'] as const;

export function specOf(c: RunConfig): RunSpec {
  return { family: c.family, objective: c.objective, estimator: c.estimator, optimizer: c.optimizer, lr: c.lr, samples: c.samples };
}

export function runConfigOf(s: SessionConfig, index: number): RunConfig {
  const r = s.runs[index];
  return { target: s.target, seed: s.seed, averaging: s.averaging, ...specOf(r as RunConfig) };
}

export function runConfigsOf(s: SessionConfig): RunConfig[] {
  return s.runs.map((_, i) => runConfigOf(s, i));
}

export function hostOf(s: SessionConfig): HostSettings {
  return { speed: s.speed, backend: s.backend };
}

/** A session of the given runs on the first one's target, seed and averaging. */
export function sessionOf(configs: readonly RunConfig[], host: HostSettings = { speed: SPEED.default, backend: 'auto' }): SessionConfig {
  const first = configs[0] ?? defaultConfig();
  return { target: first.target, seed: first.seed, averaging: first.averaging, ...host, runs: configs.map(specOf) };
}

export function defaultSession(): SessionConfig {
  return sessionOf([defaultConfig()]);
}

const SessionShape = z.object({
  target: TargetSchema,
  seed: paramSchema(SEED),
  averaging: z.boolean(),
  speed: paramSchema(SPEED),
  backend: z.enum(BACKENDS, { error: (i) => `unknown backend "${String(i.input)}"; valid: ${BACKENDS.join(', ')}` }),
  runs: z.array(z.unknown()),
});

/**
 * Strict parse of a whole session (worker, embed API): the host settings here, each run through
 * the same RunConfig schema and rules as a single run. Problems of run i are placed under
 * "run i+1" (see place); a session of one run places them as parseRunConfig does.
 */
export function parseSession(input: unknown): SessionConfig {
  const shape = SessionShape.safeParse(input);
  if (!shape.success) throw new ConfigError(shape.error.issues.map(placeIssue));
  const { runs, ...rest } = shape.data;
  if (runs.length < 1 || runs.length > MAX_RUNS) throw new ConfigError([{ path: 'runs', problem: { code: 'run-count', got: runs.length, max: MAX_RUNS } }]);
  const perRun: (readonly PlacedProblem[])[] = [];
  const parsed: RunSpec[] = [];
  for (const run of runs) {
    try {
      const spec = typeof run === 'object' && run !== null ? run : {};
      parsed.push(specOf(parseRunConfig({ ...spec, target: rest.target, seed: rest.seed, averaging: rest.averaging })));
      perRun.push([]);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      perRun.push(e.problems);
    }
  }
  const problems = place(perRun);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...rest, runs: parsed };
}

/**
 * Each run's problems under "run N"; one that every run has (the shared target's, or the same
 * mistake in all) is said once, for the session. A problem of some runs only names each of them.
 */
function place(perRun: readonly (readonly PlacedProblem[])[]): PlacedProblem[] {
  if (perRun.length === 1) return [...perRun[0]];
  const key = (p: PlacedProblem) => JSON.stringify(p.problem);
  const everyRun = (k: string) => perRun.every((ps) => ps.some((p) => key(p) === k));
  const said = new Set<string>();
  const placed: PlacedProblem[] = [];
  perRun.forEach((ps, i) => {
    for (const p of ps) {
      const shared = everyRun(key(p));
      const k = shared ? key(p) : `${i} ${key(p)}`;
      if (!said.has(k)) placed.push({ path: shared ? p.path : `run ${i + 1}`, problem: p.problem });
      said.add(k);
    }
  });
  return placed;
}
