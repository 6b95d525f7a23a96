import type { ParamSpec } from '../params';
import type { Tensor1D, Tensor2D, TF } from '../tfTypes';

/** The box a target is plotted and integrated on: x always, y for 2D targets. */
export interface Domain {
  readonly x: readonly [number, number];
  readonly y?: readonly [number, number];
}

/** What is known in closed form about a target, over all of ℝ^d (not just the plot box). */
export interface ExactFacts {
  readonly logZ?: number;
  readonly mean?: readonly number[];
  readonly cov?: readonly (readonly number[])[];
}

/**
 * A target p(θ) ∝ p̃(θ), self-describing so that pickers, sliders, the URL schema and the CLI
 * are all generated from it. Adding a target is one file exporting one of these plus a line in
 * the registry.
 */
export interface TargetSpec {
  readonly id: string;
  readonly name: string;
  /** One sentence a learner reads under the picker. */
  readonly description: string;
  /** log p̃ in TeX, shown by the explainer. */
  readonly tex: string;
  readonly dim: 1 | 2;
  readonly params: readonly ParamSpec[];
  domain(params: Readonly<Record<string, number>>): Domain;
  /** Unnormalised log density for a batch θ of shape [n, dim]; returns shape [n]. tf ops only, so autodiff works. */
  logDensity(tf: TF, theta: Tensor2D, params: Readonly<Record<string, number>>): Tensor1D;
  exact?(params: Readonly<Record<string, number>>): ExactFacts;
}
