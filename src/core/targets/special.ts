/**
 * Special functions in plain float64 JS, for normalising constants and closed-form facts computed
 * outside tfjs (they depend on the sliders only, never on θ).
 */

/** Lanczos coefficients for g = 7, n = 9 (Godfrey's set, as in Numerical Recipes 3rd ed. §6.1). */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log|Γ(x)|, relative error ~1e-15. Below ½ by the reflection Γ(x)Γ(1 − x) = π / sin(πx). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  // Γ(z + 1) = √(2π) t^{z+½} e^{−t} A(z)
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * Digamma ψ(x) = d/dx log Γ(x) for x > 0: shift up with ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then
 * the asymptotic series log x − 1/(2x) − Σ B₂ₖ/(2k x^{2k}) (Abramowitz & Stegun 6.3.18).
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * Trigamma ψ₁(x) = d²/dx² log Γ(x) for x > 0: ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then
 * 1/x + 1/(2x²) + Σ B₂ₖ/x^{2k+1} (Abramowitz & Stegun 6.4.12).
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const r = 1 / (x * x);
  const series = (1 / x) * r * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - r * (5 / 66)))));
  return shift + 1 / x + 0.5 * r + series;
}

/** log σ(u) = −log(1 + e^{−u}), without overflow for either sign of u. */
export function logSigmoid(u: number): number {
  return u >= 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
}

/** 1/(1 + e^−v), written so that neither branch overflows. */
export function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** log(1 + e^v) without overflow for large v or loss of precision for very negative v. */
export function softplus(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}
