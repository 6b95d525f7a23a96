import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** correlated-gaussian: Q = (a² − 2ρab + b²)/(1 − ρ²), a = x/σ₁, b = y/σ₂; ∂Q/∂a = 2(a − ρb)/(1 − ρ²). */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
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

/** correlatedGaussian's log p̃ for the engine, the CLI and code export (its info is correlatedGaussian.ts). */
export const correlatedGaussianDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const [x, y] = columns2(tf, theta);
    return bivariateNormalLogPdf(tf, x, y, [0, 0], p.sd1, p.sd2, p.rho);
  },
  exportAs({ rho, sd1, sd2 }) {
    const [a, b] = [`(x/${lit(sd1)})`, `(y/${lit(sd2)})`];
    const norm = LOG_2PI + Math.log(sd1 * sd2) + 0.5 * Math.log(1 - rho * rho);
    return { logDensity: formula(`-0.5*(${a}^2 - ${lit(2 * rho)}*${a}*${b} + ${b}^2)/${lit(1 - rho * rho)} - ${lit(norm)}`) };
  },
  logDensityGrad,
};
