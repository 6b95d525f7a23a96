import type { FamilyInfo, VariationalFamily } from '../families/types';
import type { ParamSpec } from '../params';
import type { TargetSpec } from '../targets/types';
import type { Scalar, Tensor1D, Tensor2D, TF } from '../tfTypes';

export type EstimatorId = 'reparam' | 'score' | 'score-plain' | 'stl';

/** Mutable per-run state an estimator may keep between steps (the score estimator's baseline). */
export interface EstimatorState {
  /** Running mean of the learning signal f = log p̃ − log q (score-function baseline b). */
  baseline: number | null;
}

export interface ObjectiveContext {
  readonly tf: TF;
  readonly target: TargetSpec;
  readonly params: Readonly<Record<string, number>>;
  readonly family: VariationalFamily;
  /** Standard-normal noise of shape [samples, dim] for this step. */
  readonly eps: Tensor2D;
  readonly estimator: EstimatorId;
  /** The objective's own options (K for IWAE, α for Rényi), validated against its `options`. */
  readonly options: Readonly<Record<string, number>>;
  /**
   * The plot grid with p's normalised quadrature weights wᵢ = p(θᵢ)ΔAᵢ (Σ wᵢ ≈ 1). Forward KL
   * uses it: ∇ E_p[−log q] = −Σ wᵢ ∇log q(θᵢ), exactly, without importance sampling
   * (docs/math.md#forward-kl).
   */
  readonly grid: { readonly points: Tensor2D; readonly pWeights: Tensor1D };
  readonly state: EstimatorState;
}

/**
 * What the page, the rules and the UI know of an objective: its catalogue entry. Its loss and
 * bound (ObjectiveLoss, in `<id>.loss.ts`) are reached only through losses.ts, so the page's
 * bundle leaves them to the worker (docs/architecture.md#registries).
 */
export interface ObjectiveInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly tex: string;
  readonly options: readonly ParamSpec[];
  /** Which estimators make sense for this objective. */
  readonly estimators: readonly EstimatorId[];
  /** null when the family can be fitted with this objective, else one sentence why not. */
  unsupported(family: FamilyInfo): string | null;
}

/** An objective's loss to MINIMISE, and `bound`, what the learner is shown (a bound on log Z). */
export interface ObjectiveLoss {
  /** The surrogate loss whose gradient is the chosen estimator's gradient. */
  loss(ctx: ObjectiveContext): Scalar;
  /**
   * The objective's own value (a bound on log Z) from M log importance weights log wᵢ =
   * log p̃(zᵢ) − log q(zᵢ), zᵢ ~ q, computed in float64 for the read-out.
   */
  bound(logWeights: Float64Array, options: Readonly<Record<string, number>>): number;
}

/** The whole objective, catalogue and loss: what the engine runs (losses.ts#findObjective). */
export type ObjectiveSpec = ObjectiveInfo & ObjectiveLoss;

export interface EstimatorSpec {
  readonly id: EstimatorId;
  readonly name: string;
  readonly description: string;
  /** The gradient estimate in TeX, written for the ELBO (docs/math.md#the-math-on-screen). */
  readonly tex: string;
}
