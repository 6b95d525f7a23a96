/**
 * Hand-derived log p̃ and ∇log p̃ in plain JS (float64) for targets where the ELBO's
 * reparameterised gradient needs nothing else (docs/math.md#gaussian-fast-path: Stan's ADVI does
 * this). Each entry must agree with the target's tfjs logDensity and its autodiff gradient:
 * fastPath.test.ts checks it.
 */
export type LogDensityGrad = (
  z: Float64Array,
  n: number,
  params: Readonly<Record<string, number>>,
  logp: Float64Array,
  grad: Float64Array,
) => void;

const LOG_2PI = Math.log(2 * Math.PI);

/** correlated-gaussian: Q = (a² − 2ρab + b²)/(1 − ρ²), a = x/σ₁, b = y/σ₂; ∂Q/∂a = 2(a − ρb)/(1 − ρ²). */
const correlatedGaussian: LogDensityGrad = (z, n, p, logp, grad) => {
  const { rho, sd1, sd2 } = p;
  const c = 1 - rho * rho;
  const norm = LOG_2PI + Math.log(sd1 * sd2) + 0.5 * Math.log(c);
  for (let i = 0; i < n; i++) {
    const a = z[2 * i] / sd1;
    const b = z[2 * i + 1] / sd2;
    logp[i] = (-0.5 * (a * a - 2 * rho * a * b + b * b)) / c - norm;
    grad[2 * i] = -(a - rho * b) / (c * sd1);
    grad[2 * i + 1] = -(b - rho * a) / (c * sd2);
  }
};

/**
 * banana: u = (x/a, a·y + a·b·(x² + a²)), log N(u; (0, 4), S), S = [[1, .5], [.5, 1]] so
 * S⁻¹ = (4/3)[[1, −.5], [−.5, 1]]; chain rule ∂u₁/∂x = 1/a, ∂u₂/∂x = 2abx, ∂u₂/∂y = a.
 */
const banana: LogDensityGrad = (z, n, p, logp, grad) => {
  const { a, b } = p;
  const norm = LOG_2PI + 0.5 * Math.log(0.75);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const d1 = x / a;
    const d2 = a * y + a * b * (x * x + a * a) - 4;
    const g1 = -(d1 - 0.5 * d2) / 0.75;
    const g2 = -(d2 - 0.5 * d1) / 0.75;
    logp[i] = 0.5 * (d1 * g1 + d2 * g2) - norm;
    grad[2 * i] = g1 / a + g2 * 2 * a * b * x;
    grad[2 * i + 1] = g2 * a;
  }
};

/** bimodal-1d: log Σₖ πₖ N(x; mₖ, 1); ∇ = Σₖ rₖ (mₖ − x) with responsibilities rₖ. */
const bimodal1d: LogDensityGrad = (z, n, p, logp, grad) => {
  const d = p.separation;
  const lw1 = Math.log(p.weight) - 0.5 * LOG_2PI;
  const lw2 = Math.log(1 - p.weight) - 0.5 * LOG_2PI;
  for (let i = 0; i < n; i++) {
    const x = z[i];
    const l1 = lw1 - 0.5 * (x + d) * (x + d);
    const l2 = lw2 - 0.5 * (x - d) * (x - d);
    const m = Math.max(l1, l2);
    const e1 = Math.exp(l1 - m);
    const e2 = Math.exp(l2 - m);
    logp[i] = m + Math.log(e1 + e2);
    grad[i] = (e1 * (-d - x) + e2 * (d - x)) / (e1 + e2);
  }
};

export const fastGradients: Readonly<Record<string, LogDensityGrad>> = {
  'correlated-gaussian': correlatedGaussian,
  banana,
  'bimodal-1d': bimodal1d,
};
