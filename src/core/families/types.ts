import type { ParamSpec } from '../params';
import type { TargetSpec } from '../targets/types';
import type { Scalar, Tensor, Tensor1D, Tensor2D, TF, Variable } from '../tfTypes';

/** Where a fresh q starts: its centre and a common scale. */
export interface FamilyInit {
  readonly mean: readonly number[];
  readonly scale: number;
}

/**
 * One of q's parameters at the start, in plain JS: its shape and row-major values as float32 (what
 * the tf variable holds). A run on the plain-JS fast path starts from these without tfjs; create()
 * makes its variables from the same values (docs/architecture.md#lazy-tfjs).
 */
export interface InitialValue {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** Moments of q read back to JS (in the space the run optimises in). */
export interface Moments {
  readonly mean: number[];
  readonly cov: number[][];
}

/**
 * How much of q's density a family can tell:
 * - 'anywhere': log q at any point (so the plot grid gets exact quadrature KLs);
 * - 'samples': log q only at its own draws (planar/radial flows have no inverse): KL(q‖p) is
 *   then log Z − ELBO with a many-sample ELBO, and q is drawn from samples;
 * - 'none': no density at all (point mass, SVGD particles): say so on screen.
 */
export type DensityAccess = 'anywhere' | 'samples' | 'none';

/**
 * How a family is fitted: by the run's objective and estimator (most), by maximising log p̃ at a
 * point (MAP: point mass, and the Laplace approximation around it), or by its own update rule
 * (SVGD's particle flow). The UI greys out the objective controls when they do not apply.
 */
export type FittedBy = 'objective' | 'map' | 'own-update';

/** A batch drawn from q: E_q[f] ≈ Σᵢ wᵢ f(zᵢ), with wᵢ = 1/n when `weights` is null. */
export interface QBatch {
  readonly z: Tensor2D;
  /** log q(zᵢ), differentiable in φ; null when the family has no density. */
  readonly logQ: Tensor1D | null;
  /** Non-uniform weights summing to 1 (a mixture's stratified draw), differentiable in φ. */
  readonly weights: Tensor1D | null;
}

/** What a family with its own update rule (or MAP loss) gets each step. */
export interface FitContext {
  readonly tf: TF;
  readonly target: TargetSpec;
  readonly params: Readonly<Record<string, number>>;
  /** Standard-normal noise of shape [samples, dim] for this step. */
  readonly eps: Tensor2D;
}

/**
 * A live variational distribution q_φ(θ): its parameters are tf variables, and the verbs are the
 * ones every family shares (after chi-feng/mcmc-demo's registerAlgorithm): draw with
 * reparameterisation, log q where it exists, an analytic entropy where one exists, a read-out.
 */
export interface VariationalFamily {
  readonly dim: number;
  readonly variables: Variable[];
  readonly density: DensityAccess;
  /**
   * z = T_φ(ε) for ε ~ N(0, I) of shape [n, dim]; differentiable in φ. Plain draws from q (a
   * mixture assigns rows to components systematically by its weights). Particle families (SVGD,
   * point mass) return their particles whatever n is.
   */
  sample(eps: Tensor2D): Tensor2D;
  /** A batch for expectations under q (log q at the draws included when known). */
  draw(eps: Tensor2D): QBatch;
  /**
   * log q_φ(z) at arbitrary points z [n, dim] → [n]; present when density is 'anywhere'.
   * With detachParams, gradients do not flow into φ through this term (but still through z):
   * the "sticking the landing" estimator needs exactly that.
   */
  logQ?(z: Tensor2D, detachParams?: boolean): Tensor1D;
  /** H[q_φ] in closed form, or null when it must be estimated by Monte Carlo. */
  entropy(): Scalar | null;
  moments(): Moments;
  /** true when moments() estimates from draws through q (flows): costly, so a budgeted read-out. */
  readonly momentsSampled?: boolean;
  /** The family's own parameters, named as the explainer names them. */
  params(): Record<string, number[] | number[][]>;
  /** MAP-style families minimise this instead of the objective's loss. */
  ownLoss?(ctx: FitContext): Scalar;
  /** Families with their own update rule (SVGD) give an ascent-free descent direction per variable, in `variables` order. */
  ownGradients?(ctx: FitContext): Tensor[];
  dispose(): void;
}

/**
 * What the page, the rules, the link reader and the UI know of a family: the catalogue entry.
 * Its implementation (FamilyMaker, in `<id>.make.ts`) is reached only through makers.ts, so the
 * page's bundle leaves the tf code to the worker (docs/architecture.md#registries).
 */
export interface FamilyInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly options: readonly ParamSpec[];
  readonly density: DensityAccess;
  readonly fittedBy: FittedBy;
  /** null when the family works in this dimension, else one sentence why not (RealNVP needs d ≥ 2). */
  unsupportedDim?(dim: number): string | null;
}

/** How a family is made: what only the engine, the CLI, the bench and the tests call. */
export interface FamilyMaker {
  /** q's starting parameters, in `variables` order (the values create() gives its variables). */
  initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): readonly InitialValue[];
  create(tf: TF, dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): VariationalFamily;
}

/** The whole family, catalogue and implementation: what the engine runs (makers.ts#findFamily). */
export type FamilySpec = FamilyInfo & FamilyMaker;
