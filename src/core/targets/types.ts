import type { TargetExport } from '../export/expr';
import type { LogDensityGrad } from '../fast/types';
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
 * A target whose model parameter lives in a constrained set (a probability, a rate) is fitted in
 * an unconstrained space u, with log p̃(u) = log p̃_c(g(u)) + log|det ∂g/∂u|
 * (docs/math.md#constrained-targets). This describes g so the UI can show q in both spaces.
 */
export interface Constraint {
  /** The constrained parameter's name per coordinate, e.g. ['p'] or ['λ']. */
  readonly names: readonly string[];
  /** The unconstrained coordinate's name per coordinate, e.g. ['logit p']. */
  readonly unconstrainedNames: readonly string[];
  /** θ = g(u), coordinatewise, in plain JS (display only). */
  toConstrained(u: readonly number[]): number[];
  /** log |det ∂g/∂u| at u. */
  logAbsDetJacobian(u: readonly number[]): number;
  /** The plot box in the constrained space. */
  domain(params: Readonly<Record<string, number>>): Domain;
}

/**
 * What the page, the rules, the link reader and the UI know about a target p(θ) ∝ p̃(θ): pickers,
 * sliders, the URL schema and the CLI are all generated from it. Its log p̃ is a TargetDensity in
 * `<id>.density.ts`, which only the engine, the CLI, code export and tests import, so the page
 * never loads it (docs/architecture.md#registries). Adding a target is `<id>.ts` exporting one of
 * these, `<id>.density.ts` exporting its density, and a line in registry.ts and in densities.ts.
 */
export interface TargetInfo {
  readonly id: string;
  readonly name: string;
  /** One sentence a learner reads under the picker. */
  readonly description: string;
  /** log p̃ in TeX, shown by the explainer. */
  readonly tex: string;
  readonly dim: 1 | 2;
  readonly params: readonly ParamSpec[];
  domain(params: Readonly<Record<string, number>>): Domain;
  exact?(params: Readonly<Record<string, number>>): ExactFacts;
  /** Present when the model's parameter is constrained and the run works in unconstrained space. */
  readonly constraint?: Constraint;
  /**
   * Anything the learner must be told about how this target is made fittable, shown under the
   * picker: e.g. "outside [−4, 4]² a steep wall is added, since U₂ is not normalisable on ℝ²".
   */
  readonly caveat?: string;
  /** Where the data of a real-data model comes from (shown under the picker). */
  readonly source?: string;
}

/** A target's log p̃, in tf ops and plain JS, and its code-export form: what only the engine side calls. */
export interface TargetDensity {
  /** Unnormalised log density for a batch θ of shape [n, dim]; returns shape [n]. tf ops only, so autodiff works. */
  logDensity(tf: TF, theta: Tensor2D, params: Readonly<Record<string, number>>): Tensor1D;
  /**
   * log p̃ and ∇log p̃ in plain JS (float64), hand-derived, for the engine's fast path
   * (docs/math.md#fast-paths); tested against logDensity and its tfjs autodiff gradient.
   */
  readonly logDensityGrad?: LogDensityGrad;
  /**
   * log p̃ and ∇_θ log p̃ [n, dim] together in tf ops, hand-derived, for the tfjs path: the engine
   * makes them one custom-gradient op (fusedTarget.ts), so a training step pays for no autodiff
   * through the target (issue 9). Without it, the step differentiates logDensity. Tested against
   * logDensity and its autodiff gradient (engine/fusedTarget.test.ts).
   */
  logDensityAndGrad?(tf: TF, theta: Tensor2D, params: Readonly<Record<string, number>>): { logp: Tensor1D; grad: Tensor2D };
  /**
   * How code export writes this target (docs/export.md): log p̃ with these parameter values
   * substituted, in the space the run fits (a constraint's log-Jacobian included), so that it
   * equals logDensity; without it, the exported scripts say the target cannot be written.
   */
  exportAs?(params: Readonly<Record<string, number>>): TargetExport;
}

/** A whole target, info and density: what the engine, the CLI, code export and tests work with (densities.ts). */
export type TargetSpec = TargetInfo & TargetDensity;
