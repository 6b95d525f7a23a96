// Plain float64 reference formulas for the unit tests. Written from the textbook definitions and
// deliberately sharing nothing with src/core (docs/testing.md, public check 6: every log density is
// tested against an independent formula), so a wrong formula in core cannot also hide here.

const LN_2PI = Math.log(2 * Math.PI);

/** erfc with fractional error < 1.2e-7 everywhere (Numerical Recipes, 2nd ed., §6.2, erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** Φ((x − m)/s), accurate in relative terms in the lower tail. */
export function normalCdf(x: number, m = 0, s = 1): number {
  return 0.5 * erfc(-(x - m) / (s * Math.SQRT2));
}

/** P(a < X < b) for X ~ N(m, s²), computed from the nearer tail to keep relative accuracy. */
export function normalInterval(a: number, b: number, m = 0, s = 1): number {
  return 1 - normalCdf(a, m, s) - normalCdf(-b, -m, s);
}

export function normalPdf(x: number, m: number, s: number): number {
  const z = (x - m) / s;
  return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
}

export function normalLogPdf(x: number, m: number, s: number): number {
  const z = (x - m) / s;
  return -0.5 * z * z - Math.log(s) - 0.5 * LN_2PI;
}

/** log N(x; m, S) for d = 2 with the explicit 2×2 inverse and determinant. */
export function bivariateLogPdf(x: readonly number[], m: readonly number[], S: readonly (readonly number[])[]): number {
  const det = S[0][0] * S[1][1] - S[0][1] * S[1][0];
  const inv = [
    [S[1][1] / det, -S[0][1] / det],
    [-S[1][0] / det, S[0][0] / det],
  ];
  const d0 = x[0] - m[0];
  const d1 = x[1] - m[1];
  const quad = d0 * (inv[0][0] * d0 + inv[0][1] * d1) + d1 * (inv[1][0] * d0 + inv[1][1] * d1);
  return -0.5 * quad - 0.5 * Math.log(det) - LN_2PI;
}

/** Solve S x = b and return log|det S| by Gaussian elimination with partial pivoting. */
export function solve(S: readonly (readonly number[])[], b: readonly number[]): { x: number[]; logDet: number } {
  const n = b.length;
  const a = S.map((row, i) => [...row, b[i]]);
  let logDet = 0;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    logDet += Math.log(Math.abs(a[c][c]));
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return { x, logDet };
}

/** log N(x; m, S) in any dimension, via elimination (not the Cholesky route core takes). */
export function mvnLogPdf(x: readonly number[], m: readonly number[], S: readonly (readonly number[])[]): number {
  const diff = x.map((v, i) => v - m[i]);
  const { x: sol, logDet } = solve(S, diff);
  const quad = diff.reduce((s, v, i) => s + v * sol[i], 0);
  return -0.5 * quad - 0.5 * logDet - 0.5 * x.length * LN_2PI;
}

/** Differential entropy of N(·, S): ½ log det(2πe S). */
export function gaussianEntropy(S: readonly (readonly number[])[]): number {
  const { logDet } = solve(
    S,
    S.map(() => 0),
  );
  return 0.5 * logDet + 0.5 * S.length * (1 + LN_2PI);
}

/** KL(N(m0, S0) ‖ N(m1, S1)) = ½[tr(S1⁻¹S0) + (m1−m0)ᵀS1⁻¹(m1−m0) − d + log det S1 − log det S0]. */
export function gaussianKl(
  m0: readonly number[],
  S0: readonly (readonly number[])[],
  m1: readonly number[],
  S1: readonly (readonly number[])[],
): number {
  const d = m0.length;
  let trace = 0;
  for (let j = 0; j < d; j++) {
    const col = S0.map((row) => row[j]);
    trace += solve(S1, col).x[j];
  }
  const diff = m1.map((v, i) => v - m0[i]);
  const { x: sol, logDet: logDet1 } = solve(S1, diff);
  const quad = diff.reduce((s, v, i) => s + v * sol[i], 0);
  const logDet0 = solve(
    S0,
    S0.map(() => 0),
  ).logDet;
  return 0.5 * (trace + quad - d + logDet1 - logDet0);
}

/** Composite Simpson's rule on [a, b] with n (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Sample mean and covariance of n points stored row-major in `flat` ([n, d]). */
export function sampleMoments(flat: ArrayLike<number>, d: number): { mean: number[]; cov: number[][] } {
  const n = flat.length / d;
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) mean[a] += flat[i * d + a] / n;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) cov[a][b] += ((flat[i * d + a] - mean[a]) * (flat[i * d + b] - mean[b])) / (n - 1);
    }
  }
  return { mean, cov };
}

/** Mean and standard error of the mean. */
export function meanAndStdErr(values: ArrayLike<number>): { mean: number; stdErr: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, stdErr: Math.sqrt(ss / (n - 1) / n) };
}

/**
 * log Γ(x) for x > 0 by Stirling's series after shifting x up past 15 with Γ(x) = Γ(x + 1)/x
 * (a different route from the Lanczos sum core uses); error below 1e-14.
 */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const r = 1 / (x * x);
  const series = (1 / x) * (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * LN_2PI + series - shift;
}

export function logBetaFn(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * log Φ(z), accurate in relative terms far into the lower tail: for z ≤ 0, substituting s = z − t
 * in Φ(z) = ∫_{−∞}^z φ(s) ds gives Φ(z) = φ(z) ∫₀^∞ exp(zt − t²/2) dt (Mills' ratio), integrated
 * by Simpson's rule; for z > 0, log(1 − Φ(−z)).
 */
export function logNormalCdf(z: number): number {
  if (z > 0) return Math.log1p(-Math.exp(logNormalCdf(-z)));
  const T = z + Math.sqrt(z * z + 80); // the integrand is below e^{−40} beyond T
  const mills = simpson((t) => Math.exp(z * t - 0.5 * t * t), 0, T, 2000);
  return -0.5 * z * z - 0.5 * LN_2PI + Math.log(mills);
}

/** log ∫ₐᵇ exp(f) by Simpson's rule with n (even) intervals, stable for very negative f. */
export function logSimpson(logf: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  const v = Array.from({ length: n + 1 }, (_, i) => logf(a + i * h));
  const max = Math.max(...v);
  let s = 0;
  for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * Math.exp(v[i] - max);
  return max + Math.log((s * h) / 3);
}

/**
 * log ∬ exp(f(x, y)) dx dy over a box by the tensor-product Simpson rule with n (even) intervals
 * per axis; f is evaluated in float64.
 */
export function logSimpson2d(
  logf: (x: number, y: number) => number,
  xr: readonly [number, number],
  yr: readonly [number, number],
  n = 800,
): number {
  const hx = (xr[1] - xr[0]) / n;
  const hy = (yr[1] - yr[0]) / n;
  const w = (i: number) => (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
  const v = new Float64Array((n + 1) * (n + 1));
  let max = -Infinity;
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const f = logf(xr[0] + i * hx, yr[0] + j * hy);
      v[j * (n + 1) + i] = f;
      if (f > max) max = f;
    }
  }
  let s = 0;
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) s += w(i) * w(j) * Math.exp(v[j * (n + 1) + i] - max);
  return max + Math.log((s * hx * hy) / 9);
}

/** log t_ν(x; m, S) (multivariate Student-t, scale matrix S), via elimination. */
export function studentTLogPdf(x: readonly number[], m: readonly number[], S: readonly (readonly number[])[], nu: number): number {
  const d = x.length;
  const diff = x.map((v, i) => v - m[i]);
  const { x: sol, logDet } = solve(S, diff);
  const quad = diff.reduce((s, v, i) => s + v * sol[i], 0);
  return (
    logGamma((nu + d) / 2) -
    logGamma(nu / 2) -
    (d / 2) * Math.log(nu * Math.PI) -
    0.5 * logDet -
    ((nu + d) / 2) * Math.log(1 + quad / nu)
  );
}

/** Laplace(m, b) CDF: ½e^{(x−m)/b} below m, 1 − ½e^{−(x−m)/b} above. */
export function laplaceCdf(x: number, m: number, b: number): number {
  const z = (x - m) / b;
  return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
}

export function laplaceLogPdf(x: number, m: number, b: number): number {
  return -Math.abs(x - m) / b - Math.log(2 * b);
}

/**
 * Pearson's X² = Σ (O − E)²/E over bins, after pooling every bin with E < 5 into one, and its
 * degrees of freedom (bins − 1). Under the null X² ≈ dof ± √(2·dof).
 */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): { stat: number; dof: number } {
  let stat = 0;
  let bins = 0;
  let pooledO = 0;
  let pooledE = 0;
  for (let i = 0; i < observed.length; i++) {
    if (expected[i] < 5) {
      pooledO += observed[i];
      pooledE += expected[i];
      continue;
    }
    stat += (observed[i] - expected[i]) ** 2 / expected[i];
    bins++;
  }
  if (pooledE > 0) {
    stat += (pooledO - pooledE) ** 2 / pooledE;
    bins++;
  }
  return { stat, dof: bins - 1 };
}
