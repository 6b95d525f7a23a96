/**
 * The plain-JS fast path's contracts (docs/math.md#fast-paths). tfjs costs per op, not per flop
 * (docs/architecture.md#engine-speed): a flow step is hundreds of kernels at ~15 µs each on the
 * cpu backend, while the same arithmetic in Float64Array loops takes a few µs. So a target may
 * carry its log p̃ and ∇log p̃ in plain JS, and a family its hand-derived step; tfjs stays the
 * general path and the reference every fast path is tested against (same ε, same gradient).
 */

/**
 * log p̃ and ∇log p̃ at n points z (row-major [n, dim], float64): writes logp[i] and grad[i·dim + j].
 * Must agree with the target's tfjs logDensity and its autodiff gradient (tested per target).
 */
export type LogDensityGrad = (
  z: Float64Array,
  n: number,
  params: Readonly<Record<string, number>>,
  logp: Float64Array,
  grad: Float64Array,
) => void;

/** What a fast family's step needs from the run: the target's plain-JS density and its parameters. */
export interface FastTarget {
  readonly dim: number;
  readonly logDensityGrad: LogDensityGrad;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * A family's hand-derived step and read-outs in plain JS. θ is the family's tf variables
 * concatenated in `variables` order, each row-major, as float64: `thetaOf`/`writeBack` in
 * fastPath.ts move it to and from the tf variables, so both paths share one parameterisation.
 */
export interface FastFamily {
  /** Length of θ (the sum of the tf variables' sizes). */
  readonly size: number;
  /**
   * Ranges [start, end) of θ that are exponentiated (log-scales): a state whose |θᵢ| there exceeds
   * LOG_SCALE_LIMIT is refused as unrepresentable, as on the tfjs path (divergence.ts).
   */
  readonly logScales: readonly (readonly [number, number])[];
  /**
   * The update direction the tfjs path applies for this noise ε ([n, dim] standard normals): the
   * gradient of the run's loss (−ELBO, reparameterised; −log p̃ for MAP families) or the family's
   * own direction (SVGD). Writes `grad` (length `size`) and returns the loss (NaN when it has none).
   */
  gradient(theta: Float64Array, eps: Float32Array, n: number, target: FastTarget, grad: Float64Array): number;
  /** Plain draws z = T_θ(ε), [n, dim] (particle families return their particles whatever n is). */
  sample(theta: Float64Array, eps: Float32Array, n: number): Float64Array;
  /** Draws with log q at them (density 'anywhere' or 'samples'); absent when q has no density. */
  sampleWithLogQ?(theta: Float64Array, eps: Float32Array, n: number): { z: Float64Array; logq: Float64Array };
  /** log q at arbitrary points [n, dim] (density 'anywhere' only). */
  logQ?(theta: Float64Array, points: ArrayLike<number>, n: number): Float64Array;
  /** q's mean and covariance where known in closed form (else estimated from fixed draws, evaluation.ts). */
  moments?(theta: Float64Array): { mean: number[]; cov: number[][] };
  /** The family's named parameters as the tf family's params() names them (namedParams.ts). */
  params(theta: Float64Array): Record<string, number[] | number[][]>;
}

/** Builds a family's fast path for a dimension, options and q's starting scale, or null where it has none. */
export type FastFamilyFactory = (dim: number, options: Readonly<Record<string, number>>, init: { readonly scale: number }) => FastFamily | null;
