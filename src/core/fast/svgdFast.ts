import type { FastFamily, FastFamilyFactory } from './types';
import { matrixAt } from './namedParams';

/**
 * SVGD in plain JS (docs/math.md#fast-paths): θ is the particles [n, d] row-major, as the tf
 * variable. The direction is the tfjs ownGradients' −φ, with φ(xᵢ) = (1/n) Σⱼ [K_ij ∇log p̃(xⱼ)
 * + K_ij (xᵢ − xⱼ)/h²], K_ij = exp(−D_ij/(2h²)), D_ij = ‖xᵢ − xⱼ‖² and the median heuristic
 * h² = max(med(D)/(2 log(n + 1)), 1e−8), med over all n² entries of D (diagonal included).
 * O(n²d) per step, with no allocation per step. The particles have no density and no loss.
 */
function steinParticles(dim: number, particles: number): FastFamily {
  const d = dim;
  const n = particles;
  const logRate = 1 / (2 * Math.log(n + 1));
  const logp = new Float64Array(n);
  const gradLogP = new Float64Array(n * d);
  /** D_ij for i < j, packed row by row (D is symmetric with a zero diagonal). */
  const dist = new Float64Array((n * (n - 1)) / 2);
  /** A copy of `dist` that the median's selection reorders. */
  const pairs = new Float64Array(dist.length);

  /**
   * med(D) over all n² entries: sorted, they are the n diagonal zeros, then each off-diagonal
   * value twice, so order statistic k ≥ n is the ⌊(k − n)/2⌋-th smallest pair (the tfjs code sorts
   * all n²; this selects from the n(n − 1)/2 distinct ones).
   */
  const medianOfDistances = (): number => {
    const m = n * n;
    const hi = Math.floor(m / 2);
    const at = (k: number): number => (k < n ? 0 : (k - n) >> 1);
    if (m % 2 === 1) return hi < n ? 0 : select(pairs, at(hi));
    if (hi < n) return 0; // both middle entries are diagonal zeros
    const b = select(pairs, at(hi));
    if (hi - 1 < n) return 0.5 * b;
    const ka = at(hi - 1);
    if (ka === at(hi)) return b;
    // select leaves the at(hi) smaller pairs in front of index at(hi): the next order statistic down is their largest
    let a = pairs[0];
    for (let i = 1; i <= ka; i++) if (pairs[i] > a) a = pairs[i];
    return 0.5 * (a + b);
  };

  return {
    size: n * d,
    logScales: [],
    params: (theta) => ({ particles: matrixAt(theta, 0, n, d) }),
    gradient(theta, _eps, _n, target, grad) {
      target.logDensityGrad(theta, n, target.params, logp, gradLogP);
      let p = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let s = 0;
          for (let a = 0; a < d; a++) {
            const diff = theta[i * d + a] - theta[j * d + a];
            s += diff * diff;
          }
          dist[p++] = s;
        }
      }
      pairs.set(dist);
      const h2 = Math.max(medianOfDistances() * logRate, 1e-8);
      const scale = -1 / (2 * h2);
      const invH2 = 1 / h2;
      // n·φ(xᵢ) = Σⱼ K_ij (∇log p̃(xⱼ) + (xᵢ − xⱼ)/h²); K_ii = 1, and each pair feeds both rows
      grad.set(gradLogP);
      p = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const k = Math.exp(dist[p++] * scale);
          for (let a = 0; a < d; a++) {
            const xi = theta[i * d + a];
            const xj = theta[j * d + a];
            grad[i * d + a] += k * (gradLogP[j * d + a] + (xi - xj) * invH2);
            grad[j * d + a] += k * (gradLogP[i * d + a] + (xj - xi) * invH2);
          }
        }
      }
      // the direction handed to the optimiser is −φ
      for (let k = 0; k < n * d; k++) grad[k] = -grad[k] / n;
      return Number.NaN;
    },
    sample: (theta) => Float64Array.from(theta),
  };
}

/**
 * The k-th smallest of v (0-based), by quickselect (Hoare partition, median-of-three pivot):
 * afterwards v[k] holds it and v[0..k) holds values ≤ it. Expected O(m), in place.
 */
function select(v: Float64Array, k: number): number {
  let lo = 0;
  let hi = v.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three to v[mid]
    if (v[mid] < v[lo]) swap(v, mid, lo);
    if (v[hi] < v[lo]) swap(v, hi, lo);
    if (v[hi] < v[mid]) swap(v, hi, mid);
    const pivot = v[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        swap(v, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return v[k];
  }
  return v[k];
}

function swap(v: Float64Array, a: number, b: number): void {
  const t = v[a];
  v[a] = v[b];
  v[b] = t;
}

export const svgdFast: FastFamilyFactory = (dim, options) => steinParticles(dim, Math.round(options.particles ?? 100));
