import type { Grid } from '../exact/grid';
import { gridMoments, quadratureLogZ } from '../exact/quadrature';
import type { TargetSpec } from '../targets/types';
import { needTf } from '../tfRuntime';
import type { TargetField } from './snapshot';

/**
 * The points where p has weight, row-major [n, dim], and p's normalised quadrature weights there
 * (for forward-KL fitting, which makes tensors of them on the tfjs path).
 */
export interface PWeights {
  readonly points: Float32Array;
  readonly weights: Float32Array;
}

/**
 * The target on the plot grid (log p̃, log Z, moments by quadrature), and the grid points where p
 * has weight with p's normalised quadrature weights there. Plain JS where the target has its
 * density in JS (every fast-path target), so a fast run's field needs no tfjs.
 */
export function evaluateField(
  target: TargetSpec,
  params: Readonly<Record<string, number>>,
  grid: Grid,
  version: number,
): { field: TargetField; p: PWeights } {
  const logp = gridLogDensity(target, params, grid);
  let invalid = 0;
  const clean = new Float32Array(logp.length);
  for (let i = 0; i < logp.length; i++) {
    const v = logp[i];
    // NaN (a formula undefined there) counts as zero density, and is reported.
    if (Number.isNaN(v) || v === -Infinity) invalid++;
    clean[i] = Number.isNaN(v) ? -Infinity : v;
  }
  const { logZ, edgeMass } = quadratureLogZ(clean, grid);
  const { mean, cov } = gridMoments(clean, logZ, grid);
  // Normalised quadrature weights of p for forward-KL fitting: wᵢ = p̃(θᵢ)ΔAᵢ / Z.
  const w = new Float32Array(clean.length);
  for (let i = 0; i < clean.length; i++) w[i] = grid.weights[i] * Math.exp(clean[i] - logZ);
  // Only points where p has weight matter to Σ wᵢ log q(θᵢ): dropping the rest (most of the
  // box for a compact target) makes a forward-KL step several times cheaper.
  const keep: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] > 1e-12) keep.push(i);
  const d = target.dim;
  const pts = new Float32Array(keep.length * d);
  keep.forEach((k, j) => {
    for (let a = 0; a < d; a++) pts[j * d + a] = grid.points[k * d + a];
  });
  const field: TargetField = {
    version,
    dim: target.dim,
    domain: grid.domain,
    nx: grid.nx,
    ny: grid.ny,
    logp: clean,
    logZ,
    edgeMass,
    invalidFraction: invalid / logp.length,
    mean,
    cov,
    exact: target.exact?.(params) ?? {},
  };
  return { field, p: { points: pts, weights: Float32Array.from(keep, (k) => w[k]) } };
}

/**
 * log p̃ at the grid points: in plain JS where the target has it (docs/math.md#fast-paths; a
 * run's first frame then waits for no tfjs kernel: ~0.3 ms instead of ~35–65 ms), else with tfjs.
 */
function gridLogDensity(target: TargetSpec, params: Readonly<Record<string, number>>, grid: Grid): Float32Array {
  const fn = target.logDensityGrad;
  if (!fn) {
    const tf = needTf();
    return tf.tidy(() => target.logDensity(tf, tf.tensor2d(grid.points, [grid.points.length / target.dim, target.dim]), params).dataSync() as Float32Array);
  }
  const n = grid.points.length / target.dim;
  const logp = new Float64Array(n);
  fn(Float64Array.from(grid.points), n, params, logp, new Float64Array(grid.points.length));
  return Float32Array.from(logp);
}
