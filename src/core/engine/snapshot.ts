import type { DensityAccess } from '../families/types';
import type { Domain, ExactFacts } from '../targets/types';
import type { KlReadouts } from './readouts';

/**
 * The target evaluated on the plot grid. Sent to the UI only when it changes (new target or a
 * moved slider), identified by `version`.
 */
export interface TargetField {
  readonly version: number;
  readonly dim: 1 | 2;
  readonly domain: Domain;
  readonly nx: number;
  readonly ny: number;
  /** log p̃ at the grid points, row-major (y outer, x inner). */
  readonly logp: Float32Array;
  /** log Z over the domain, by quadrature. */
  readonly logZ: number;
  /** Fraction of p's mass on the domain's edge: large means log Z and KL miss mass outside. */
  readonly edgeMass: number;
  /** Fraction of the grid where log p̃ is NaN or −∞ (a formula undefined there). */
  readonly invalidFraction: number;
  readonly mean: number[];
  readonly cov: number[][];
  readonly exact: ExactFacts;
}

/**
 * How KL(q‖p) was obtained: quadrature of q's density on the grid (only when the grid holds q:
 * its grid mass is 1 ± 1 %); log Z − ELBO with a many-sample ELBO and its standard error (q's
 * density known only at its samples, or q spilling out of the box); or not at all (`klReason`).
 */
export type KlMethod = 'quadrature' | 'elbo-gap' | 'unavailable';
/** How KL(p‖q) was obtained: quadrature over p's grid weights, or not at all (no log q on the grid). */
export type KlPQMethod = 'quadrature' | 'unavailable';
/** Why KL(q‖p) is null: q has no density, or the ELBO that log Z − ELBO needs is not finite. */
export type KlReason = 'no-density' | 'elbo-not-finite';

/**
 * A fit that ended far from p, as a code and the value that tripped it (readouts.ts, docs/math.md):
 * kl-large (KL(q‖p) in nats), khat-high (PSIS k̂), q-outside-box (the fraction of q outside the
 * plot box), kl-not-finite (no value).
 */
export interface FitWarning {
  readonly code: 'kl-large' | 'khat-high' | 'q-outside-box' | 'kl-not-finite';
  readonly value: number | null;
}

/**
 * The expensive read-outs of a snapshot (readoutBudget.ts): refreshed when the run's time allows
 * and repeated in between, so each says which step it describes. KL read-outs (klQP and its
 * method, s.e. or reason; klPQ and its method; q's mass in the box) come from readouts.ts.
 */
export interface Readings extends KlReadouts {
  /** The step the evaluation batch, the KLs, k̂ and log q on the grid describe (≤ step). */
  readonly readoutStep: number;
  /** Monte Carlo ELBO from a fresh evaluation batch and its standard error (null: q has no density). */
  readonly elbo: number | null;
  readonly elboStdErr: number | null;
  readonly evalSamples: number;
  /** The run's objective evaluated as a bound on log Z (IWAE-K, Rényi-α, CUBO, or the ELBO). */
  readonly objectiveBound: number | null;
  /** CUBO₂ = ½ log E[w²], always reported as an upper bound (docs/math.md#bounds-on-log-z). */
  readonly cubo: number | null;
  /** PSIS k̂ of the evaluation batch's importance weights (< 0.5 good, > 0.7 not to be trusted). */
  readonly khat: number | null;
  /** Gradient signal-to-noise ratio (median over parameters of |mean|/sd across mini-batches). */
  readonly gradSnr: number | null;
  /** The step the gradient SNR was measured at (it is refreshed less often still); −1 before its first measurement. */
  readonly gradSnrStep: number;
  readonly logZ: number;
  /** Signs that q ended far from p (empty when none). */
  readonly warnings: readonly FitWarning[];
  /** log q at the grid points of field `fieldVersion`, when q has a density anywhere. */
  readonly logq: Float32Array | null;
  readonly fieldVersion: number;
}

/** Everything the UI draws for one frame. Typed arrays are transferred, not copied. */
export interface Snapshot extends Readings {
  readonly step: number;
  /** Whether the run steps on its plain-JS fast path (docs/math.md#fast-paths) rather than with tfjs. */
  readonly fastPath: boolean;
  readonly density: DensityAccess;
  /** How many iterates the read-outs average (config.averaging); 0: they show the current iterate. */
  readonly averagedOver: number;
  readonly mean: number[];
  readonly cov: number[][];
  readonly params: Record<string, number[] | number[][]>;
  /** Display batch [n, dim] drawn with the same ε every frame, so dots move smoothly. */
  readonly samples: Float32Array;
}
