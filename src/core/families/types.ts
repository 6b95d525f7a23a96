import type { ParamSpec } from '../params';
import type { Scalar, Tensor1D, Tensor2D, TF, Variable } from '../tfTypes';

/** Where a fresh q starts: its centre and a common scale. */
export interface FamilyInit {
  readonly mean: readonly number[];
  readonly scale: number;
}

/** Moments of q read back to JS (in the target's own space). */
export interface Moments {
  readonly mean: number[];
  readonly cov: number[][];
}

/**
 * A live variational distribution q_φ(θ): its parameters are tf variables, and the verbs are the
 * ones every family shares (after chi-feng/mcmc-demo's registerAlgorithm): sample with
 * reparameterisation, log q, an analytic entropy where one exists, and a readout for the UI.
 */
export interface VariationalFamily {
  readonly dim: number;
  readonly variables: Variable[];
  /** z = T_φ(ε) for ε ~ N(0, I) of shape [n, dim]; differentiable in φ. */
  sample(eps: Tensor2D): Tensor2D;
  /** log q_φ(z) for z of shape [n, dim]; returns shape [n]. */
  logQ(z: Tensor2D): Tensor1D;
  /** H[q_φ] in closed form, or null when it must be estimated by Monte Carlo. */
  entropy(): Scalar | null;
  moments(): Moments;
  /** The family's own parameters, named as the explainer names them. */
  params(): Record<string, number[] | number[][]>;
  dispose(): void;
}

export interface FamilySpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly options: readonly ParamSpec[];
  create(tf: TF, dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): VariationalFamily;
}
