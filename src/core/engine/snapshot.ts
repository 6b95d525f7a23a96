import type { ExactFacts } from '../targets/types';
import type { Domain } from '../targets/types';

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
  readonly mean: number[];
  readonly cov: number[][];
  readonly exact: ExactFacts;
}

/** Everything the UI draws for one frame. Typed arrays are transferred, not copied. */
export interface Snapshot {
  readonly step: number;
  /** Monte Carlo ELBO from a fresh evaluation batch, and its standard error. */
  readonly elbo: number;
  readonly elboStdErr: number;
  readonly evalSamples: number;
  readonly logZ: number;
  readonly klQP: number;
  readonly klPQ: number;
  readonly qMassInside: number;
  readonly mean: number[];
  readonly cov: number[][];
  readonly params: Record<string, number[] | number[][]>;
  /** Display batch [n, dim] drawn with the same ε every frame, so dots move smoothly. */
  readonly samples: Float32Array;
  /** log q at the grid points of field `fieldVersion`. */
  readonly logq: Float32Array;
  readonly fieldVersion: number;
}
