/**
 * Bounds on log Z from log importance weights log wᵢ = log p̃(zᵢ) − log q(zᵢ), zᵢ ~ q
 * (docs/math.md#bounds-on-log-z), in float64.
 */

/** log (1/n) Σ exp(aᵢ), stable. */
export function logMeanExp(a: ArrayLike<number>, from = 0, to = a.length): number {
  let max = -Infinity;
  for (let i = from; i < to; i++) if (a[i] > max) max = a[i];
  if (!Number.isFinite(max)) return max;
  let s = 0;
  for (let i = from; i < to; i++) s += Math.exp(a[i] - max);
  return max + Math.log(s / (to - from));
}

/** ELBO = E[log w] and its standard error. */
export function elboFromLogWeights(logw: ArrayLike<number>): { value: number; stdErr: number } {
  const n = logw.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += logw[i];
    sumSq += logw[i] * logw[i];
  }
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  return { value: mean, stdErr: Math.sqrt(variance / n) };
}

/** IWAE-K = E[log (1/K) Σₖ wₖ], averaged over ⌊n/K⌋ disjoint groups of K weights. */
export function iwaeFromLogWeights(logw: ArrayLike<number>, K: number): number {
  const groups = Math.floor(logw.length / K);
  let s = 0;
  for (let g = 0; g < groups; g++) s += logMeanExp(logw, g * K, (g + 1) * K);
  return s / groups;
}

/** Rényi-α bound (1/(1−α)) log E[w^{1−α}]; α → 1 is the ELBO. */
export function renyiFromLogWeights(logw: ArrayLike<number>, alpha: number): number {
  if (Math.abs(1 - alpha) < 1e-9) return elboFromLogWeights(logw).value;
  const scaled = Array.from(logw, (v) => (1 - alpha) * v);
  return logMeanExp(scaled) / (1 - alpha);
}

/** CUBO₂ = ½ log E[w²] ≥ log Z (χ² upper bound, Dieng et al. 2017). */
export function cuboFromLogWeights(logw: ArrayLike<number>): number {
  return 0.5 * logMeanExp(Array.from(logw, (v) => 2 * v));
}
