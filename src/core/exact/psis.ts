/**
 * Pareto-smoothed importance sampling diagnostic k̂ (Vehtari, Simpson, Gelman, Yao & Gabry,
 * "Pareto smoothed importance sampling", 2015/2024; Yao et al. 2018 for VI): fit a generalised
 * Pareto distribution to the largest importance weights; its shape k̂ tells how heavy the tail
 * is. k̂ < 0.5 good, 0.5–0.7 ok, > 0.7 the fit (or the importance sampler) is not to be trusted.
 */

/**
 * Zhang & Stephens (2009) posterior-mean estimate of the GPD shape, with the weakly informative
 * prior toward 0.5 (10 pseudo-observations) that PSIS uses. `x` are exceedances, ascending.
 */
export function gpdShape(x: Float64Array): number {
  const n = x.length;
  const m = 30 + Math.floor(Math.sqrt(n));
  const b = new Float64Array(m);
  const quartile = x[Math.max(0, Math.floor(n / 4 + 0.5) - 1)];
  for (let j = 0; j < m; j++) {
    b[j] = (1 - Math.sqrt(m / (j + 1 - 0.5))) / (3 * quartile) + 1 / x[n - 1];
  }
  // Profile log-likelihood of each candidate θ = b_j: k(θ) = mean log(1 − θx), ℓ = n(log(−θ/k) − k − 1).
  const k = new Float64Array(m);
  const ll = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.log1p(-b[j] * x[i]);
    k[j] = s / n;
    ll[j] = n * (Math.log(-b[j] / k[j]) - k[j] - 1);
  }
  // Posterior weights wⱼ = 1 / Σₗ exp(ℓₗ − ℓⱼ), then the posterior mean of θ.
  let wSum = 0;
  let bPost = 0;
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let l = 0; l < m; l++) s += Math.exp(ll[l] - ll[j]);
    const w = 1 / s;
    if (!Number.isFinite(w) || w < 1e-15) continue;
    wSum += w;
    bPost += w * b[j];
  }
  bPost /= wSum;
  let kPost = 0;
  for (let i = 0; i < n; i++) kPost += Math.log1p(-bPost * x[i]);
  kPost /= n;
  // Shrink toward 0.5 with a prior worth 10 observations.
  return (n * kPost + 10 * 0.5) / (n + 10);
}

/** k̂ of log importance weights log wᵢ (any additive constant). */
export function psisKhat(logw: ArrayLike<number>): number {
  const n = logw.length;
  const sorted = Float64Array.from(logw).sort();
  const max = sorted[n - 1];
  if (!Number.isFinite(max)) return Number.NaN;
  const tail = Math.ceil(Math.min(0.2 * n, 3 * Math.sqrt(n)));
  if (tail < 5) return Number.NaN;
  const cutoff = sorted[n - tail - 1];
  const threshold = Math.exp(cutoff - max);
  const exceed = new Float64Array(tail);
  for (let i = 0; i < tail; i++) exceed[i] = Math.exp(sorted[n - tail + i] - max) - threshold;
  // Weights equal to float32 precision (q = p exactly; log w is float32 from the engine): a
  // bounded tail, as good as it gets. The GPD fit would divide noise by noise here.
  if (exceed[tail - 1] <= 1e-6) return Number.NEGATIVE_INFINITY;
  const k = gpdShape(exceed);
  if (Number.isFinite(k)) return k;
  // A tail of a few float32 quanta (most exceedances tie at 0, so the quartile the fit scales by
  // is 0): as bounded as the weights that return −∞ above, just a few more ulps apart.
  return exceed[tail - 1] <= 1e-4 ? Number.NEGATIVE_INFINITY : Number.NaN;
}
