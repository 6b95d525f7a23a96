import * as z from 'zod/mini';
import { BACKENDS, type Backend, ConfigError, type PlacedProblem, type RunConfig, SEED, SPEED, TargetSchema, defaultConfig, parseRunConfig, placeIssue } from './config';
import { paramSchema } from './params';
import { MAX_RUNS } from './rules';

/**
 * A session (docs/architecture.md, "Sessions and runs"): one target p and host-wide settings,
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
 * the same RunConfig schema and rules as a single run. Problems of run i are placed at runs.i.
 */
export function parseSession(input: unknown): SessionConfig {
  const shape = SessionShape.safeParse(input);
  if (!shape.success) throw new ConfigError(shape.error.issues.map(placeIssue));
  const { runs, ...rest } = shape.data;
  if (runs.length < 1 || runs.length > MAX_RUNS) throw new ConfigError([{ path: 'runs', problem: { code: 'run-count', got: runs.length, max: MAX_RUNS } }]);
  const problems: PlacedProblem[] = [];
  const parsed: RunSpec[] = [];
  runs.forEach((run, i) => {
    try {
      const spec = typeof run === 'object' && run !== null ? run : {};
      parsed.push(specOf(parseRunConfig({ ...spec, target: rest.target, seed: rest.seed, averaging: rest.averaging })));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      for (const p of e.problems) problems.push({ path: runs.length > 1 ? `run ${i + 1}` : p.path, problem: p.problem });
    }
  });
  if (problems.length > 0) throw new ConfigError(dedupe(problems));
  return { ...rest, runs: parsed };
}

/** A target problem is every run's: say it once. */
function dedupe(problems: readonly PlacedProblem[]): PlacedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p.problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
