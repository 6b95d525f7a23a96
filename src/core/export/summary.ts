import type { RunConfig } from '../config';
import type { FitWarning, KlMethod, KlPQMethod, KlReason, Snapshot } from '../engine/snapshot';
import type { Constraint } from '../targets/types';

/**
 * The run summary: what `npm run fit -- --json` prints (docs/architecture.md#the-cli), and what
 * the page's Export menu saves for a run (docs/export.md#data), built here from a config and a
 * snapshot so that both say the same thing in the same shape.
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
  /** Draws of q the constrained-space mean and cov come from (0: q's own moments, no draws). */
  readonly momentDraws: number;
  readonly params: Record<string, number[] | number[][]>;
  /** Wall-clock seconds per step (null where unknown: a page run that is not stepping). */
  readonly secondsPerStep: number | null;
}

/** q's mean and covariance in the target's own space. */
export interface OwnSpaceMoments {
  readonly mean: number[];
  readonly cov: number[][];
  readonly space: 'own' | 'constrained';
  readonly momentDraws: number;
}

/**
 * Moments in the target's own space: q's own for an unconstrained target; for a constrained one,
 * those of the draws pushed through g, since E_q[g(u)] ≠ g(E_q[u]) (docs/math.md#constrained-targets).
 */
export function ownSpaceMoments(constraint: Constraint | undefined, snap: Pick<Snapshot, 'mean' | 'cov'>, draws: Float32Array, dim: number): OwnSpaceMoments {
  if (!constraint) return { mean: snap.mean, cov: snap.cov, space: 'own', momentDraws: 0 };
  const points: number[][] = [];
  for (let i = 0; i + dim <= draws.length; i += dim) points.push(constraint.toConstrained(Array.from(draws.subarray(i, i + dim))));
  const n = points.length;
  const mean = Array.from({ length: dim }, (_, a) => points.reduce((s, p) => s + p[a], 0) / n);
  const cov = Array.from({ length: dim }, (_, a) =>
    Array.from({ length: dim }, (_, b) => points.reduce((s, p) => s + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / (n - 1)),
  );
  return { mean, cov, space: 'constrained', momentDraws: n };
}

function finiteOrNull(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : v;
}

/** The summary of a run from its config, a snapshot and its own-space moments. */
export function fitSummary(config: RunConfig, snap: Snapshot, own: OwnSpaceMoments, backend: string, secondsPerStep: number | null): FitResult {
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
    backend,
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
    momentDraws: own.momentDraws,
    params: snap.params,
    secondsPerStep,
  };
}
