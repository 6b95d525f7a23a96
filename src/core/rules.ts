import type { FamilyInfo } from './families/types';
import type { EstimatorId, ObjectiveInfo } from './objectives/types';
import type { TargetInfo } from './targets/types';

/**
 * The ONE module of rules about which runs can work and how a change reaches a running one
 * (docs/architecture.md#sessions-and-runs). The schema, the link reader, the controller and
 * the worker all ask here, so a rule is written once. Problems are codes with parameters; the
 * words are the UI's (src/words), so a second language can word them too.
 */

/** Runs one session compares side by side (one worker hosts them all). */
export const MAX_RUNS = 4;

export type Problem =
  /** IWAE-K groups each step's samples in K's: fewer samples than K cannot form one group. */
  | { readonly code: 'samples-below-k'; readonly samples: number; readonly K: number; readonly objective: string }
  /** The family cannot represent a q of the target's dimension (RealNVP on a 1D target). */
  | { readonly code: 'family-dim'; readonly family: string; readonly target: string; readonly reason: string; readonly ids: ProblemIds }
  /** The objective needs something of q this family lacks (forward KL needs log q on the grid). */
  | { readonly code: 'objective-family'; readonly objective: string; readonly family: string; readonly reason: string; readonly ids: ProblemIds }
  | { readonly code: 'estimator-objective'; readonly objective: string; readonly estimator: EstimatorId; readonly estimators: readonly EstimatorId[]; readonly ids: ProblemIds }
  /** Score-function estimators need log q at any point. */
  | { readonly code: 'estimator-density'; readonly estimator: EstimatorId; readonly family: string; readonly ids: ProblemIds }
  | { readonly code: 'run-count'; readonly got: number; readonly max: number }
  /** A comma list in the link whose length is neither 1 nor the number of runs. */
  | { readonly code: 'list-length'; readonly key: string; readonly got: number; readonly runs: number }
  /** A message already worded (number ranges, formula errors): carried as it is. */
  | { readonly code: 'text'; readonly text: string };

export type ProblemCode = Problem['code'];

/**
 * The specs a problem names, by id: its names and reasons above are the specs' English (what the
 * CLI and the embed API print); a page in another language words them from its catalogue by these.
 */
export interface ProblemIds {
  readonly family?: string;
  readonly target?: string;
  readonly objective?: string;
}

/** Why a family cannot be fitted with this objective and estimator, or null when it can. */
export function incompatibility(family: FamilyInfo, objective: ObjectiveInfo, estimator: EstimatorId): Problem | null {
  // Families with their own fitting rule (MAP, SVGD) ignore the objective, so anything goes.
  if (family.fittedBy !== 'objective') return null;
  const reason = objective.unsupported(family);
  const ids = { family: family.id, objective: objective.id };
  if (reason) return { code: 'objective-family', objective: objective.name, family: family.name, reason, ids };
  if (!objective.estimators.includes(estimator)) {
    return { code: 'estimator-objective', objective: objective.name, estimator, estimators: objective.estimators, ids };
  }
  if (estimator !== 'reparam' && family.density !== 'anywhere') return { code: 'estimator-density', estimator, family: family.name, ids };
  return null;
}

export function dimensionProblem(target: TargetInfo, family: FamilyInfo): Problem | null {
  const reason = family.unsupportedDim?.(target.dim) ?? null;
  return reason ? { code: 'family-dim', family: family.name, target: target.name, reason, ids: { family: family.id, target: target.id } } : null;
}

export function samplesProblem(samples: number, objectiveOptions: Readonly<Record<string, number>>, objective: ObjectiveInfo | undefined): Problem | null {
  const K = objectiveOptions.K;
  return K !== undefined && samples < K ? { code: 'samples-below-k', samples, K, objective: objective?.name ?? '' } : null;
}

/** Every rule of one run on one target, in the order a reader meets them. */
export function runProblems(
  target: TargetInfo,
  family: FamilyInfo,
  objective: ObjectiveInfo,
  run: { readonly estimator: EstimatorId; readonly samples: number; readonly objectiveOptions: Readonly<Record<string, number>> },
): Problem[] {
  return [samplesProblem(run.samples, run.objectiveOptions, objective), dimensionProblem(target, family), incompatibility(family, objective, run.estimator)].filter(
    (p): p is Problem => p !== null,
  );
}

/**
 * How a change reaches a running run: 'same' (nothing to do), 'live' (applied in place, the run
 * keeps its parameters: sliders, learning rate, samples, averaging), or 'rebuild' (a fresh run:
 * another target, family, objective, estimator, optimiser or seed). The controller, the worker
 * and Run.update all decide with this.
 */
export type ChangeKind = 'same' | 'live' | 'rebuild';

interface ComparableRun {
  readonly target: { readonly id: string; readonly params: Readonly<Record<string, number>>; readonly formula?: string; readonly domain?: unknown };
  readonly family: unknown;
  readonly objective: unknown;
  readonly estimator: string;
  readonly optimizer: string;
  readonly seed: number;
  readonly lr: number;
  readonly samples: number;
  readonly averaging: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changeKind(prev: ComparableRun, next: ComparableRun): ChangeKind {
  if (
    next.target.id !== prev.target.id ||
    next.target.formula !== prev.target.formula ||
    !same(next.target.domain, prev.target.domain) ||
    !same(next.family, prev.family) ||
    !same(next.objective, prev.objective) ||
    next.estimator !== prev.estimator ||
    next.optimizer !== prev.optimizer ||
    next.seed !== prev.seed
  ) {
    return 'rebuild';
  }
  const live = !same(next.target.params, prev.target.params) || next.lr !== prev.lr || next.samples !== prev.samples || next.averaging !== prev.averaging;
  return live ? 'live' : 'same';
}
