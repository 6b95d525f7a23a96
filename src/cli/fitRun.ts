import type { RunConfig } from '../core/config';
import { echo } from '../core/numbers';
import { MAX_RUNS } from '../core/rules';
import { RUN_KEYS, hostOf, runConfigOf } from '../core/session';
import { type FlatConfig, type Resolved, resolveSession } from '../core/sessionFlat';
import { wordProblem } from '../words/problems';
import { Run } from '../core/engine/run';
import type { FitWarning, KlMethod, KlPQMethod, KlReason } from '../core/engine/snapshot';
import { tf } from '../core/tf';
import { ownSpaceMoments } from './ownSpace';

/**
 * What `npm run fit` prints (docs/architecture.md#the-cli), for q as the run ends (averaged when
 * config.averaging).
 */
export interface FitResult {
  readonly target: string;
  readonly targetParams: Record<string, number>;
  readonly family: string;
  readonly familyOptions: Record<string, number>;
  readonly objective: string;
  readonly objectiveOptions: Record<string, number>;
  readonly estimator: string;
  readonly optimizer: string;
  readonly lr: number;
  readonly samples: number;
  readonly steps: number;
  readonly seed: number;
  readonly averaging: boolean;
  /** How many iterates the reported q averages (0: the last iterate). */
  readonly averagedOver: number;
  readonly backend: string;
  readonly logZ: number;
  readonly elbo: number | null;
  readonly elboStdErr: number | null;
  readonly objectiveBound: number | null;
  readonly cubo: number | null;
  readonly klQP: number | null;
  /** KL(q‖p)'s method; `klQPMethod` says the same under the name that pairs with `klPQMethod`. */
  readonly klMethod: KlMethod;
  readonly klQPMethod: KlMethod;
  readonly klStdErr: number | null;
  readonly klReason: KlReason | null;
  readonly klPQ: number | null;
  readonly klPQMethod: KlPQMethod;
  readonly qMassInside: number | null;
  readonly khat: number | null;
  readonly gradSnr: number | null;
  readonly warnings: readonly FitWarning[];
  readonly mean: number[];
  readonly cov: number[][];
  readonly space: 'own' | 'constrained';
  readonly params: Record<string, number[] | number[][]>;
  readonly secondsPerStep: number;
}

/**
 * The CLI's reading of its flat settings: as a link (the same reader, in the same words), except
 * that iterate averaging is on unless set. The CLI fits one run: comma lists that make a session
 * of several runs (--family mean-field,full-rank) are an error, named first, so fit exits 2.
 */
export function resolveCliConfig(flat: FlatConfig): Resolved {
  const { session, problems, errors } = resolveSession({ averaging: 'on', ...flat }, wordProblem);
  const resolved = { config: runConfigOf(session, 0), host: hostOf(session), problems, errors };
  if (session.runs.length <= 1) return resolved;
  const lists = RUN_KEYS.flatMap((key) => {
    const v = Object.hasOwn(flat, key) ? flat[key] : undefined;
    return v?.includes(',') ? [`${key} has ${v.split(',').length} values ("${echo(v)}")`] : [];
  });
  const oneRun = `the CLI fits one run, but ${lists.join(' and ')}; give each option one value (the page compares up to ${MAX_RUNS} runs side by side)`;
  return { ...resolved, problems: [`${oneRun}; fitting the first run.`, ...problems], errors: [oneRun, ...errors] };
}

/**
 * The CLI's fit: `steps` steps of `config`, then one read-out. Throws DivergenceError (run.ts)
 * when q's parameters stop being finite; the caller words it.
 */
export function fitRun(config: RunConfig, steps: number): FitResult {
  const run = new Run(config);
  try {
    const t0 = performance.now();
    for (let done = 0; done < steps; done += 100) run.run(Math.min(100, steps - done));
    run.flush();
    const secondsPerStep = (performance.now() - t0) / 1000 / steps;
    const snap = run.snapshot();
    const own = ownSpaceMoments(run, config, snap);
    return {
      target: config.target.id,
      targetParams: config.target.params,
      family: config.family.id,
      familyOptions: config.family.options,
      objective: config.objective.id,
      objectiveOptions: config.objective.options,
      estimator: config.estimator,
      optimizer: config.optimizer,
      lr: config.lr,
      samples: config.samples,
      steps: snap.step,
      seed: config.seed,
      averaging: config.averaging,
      averagedOver: snap.averagedOver,
      backend: tf.getBackend(),
      logZ: snap.logZ,
      elbo: snap.elbo,
      elboStdErr: snap.elboStdErr,
      objectiveBound: snap.objectiveBound,
      cubo: snap.cubo,
      klQP: snap.klQP,
      klMethod: snap.klMethod,
      klQPMethod: snap.klMethod,
      klStdErr: snap.klStdErr,
      klReason: snap.klReason,
      klPQ: snap.klPQ,
      klPQMethod: snap.klPQMethod,
      qMassInside: snap.qMassInside,
      khat: finiteOrNull(snap.khat),
      gradSnr: snap.gradSnr,
      warnings: snap.warnings,
      mean: own.mean,
      cov: own.cov,
      space: own.space,
      params: snap.params,
      secondsPerStep,
    };
  } finally {
    run.dispose();
  }
}

function finiteOrNull(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : v;
}
