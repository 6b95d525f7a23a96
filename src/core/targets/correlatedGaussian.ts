import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
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

/** N(0, Σ), Σ = [[σ₁², ρσ₁σ₂], [ρσ₁σ₂, σ₂²]]: the PRML §10.1.2 example of mean-field shrinkage. */
export const correlatedGaussian: TargetSpec = {
  id: 'correlated-gaussian',
  name: 'Correlated Gaussian',
  description:
    'A tilted ellipse: mean-field q cannot tilt, so reverse KL makes it too narrow (variance 1/Λᵢᵢ instead of Σᵢᵢ).',
  tex: String.raw`\log \mathcal{N}\!\left(\theta;\,0,\,\begin{pmatrix}\sigma_1^2 & \rho\sigma_1\sigma_2\\ \rho\sigma_1\sigma_2 & \sigma_2^2\end{pmatrix}\right)`,
  dim: 2,
  params: [
    { name: 'rho', label: 'correlation ρ', min: -0.99, max: 0.99, step: 0.01, default: 0.8 },
    { name: 'sd1', label: 'σ₁ (x spread)', min: 0.3, max: 1.5, step: 0.05, default: 1 },
    { name: 'sd2', label: 'σ₂ (y spread)', min: 0.3, max: 1.5, step: 0.05, default: 1 },
  ],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  logDensity(tf, theta, p) {
    const [x, y] = columns2(tf, theta);
    return bivariateNormalLogPdf(tf, x, y, [0, 0], p.sd1, p.sd2, p.rho);
  },
  exact(p) {
    const c = p.rho * p.sd1 * p.sd2;
    return {
      logZ: 0,
      mean: [0, 0],
      cov: [
        [p.sd1 * p.sd1, c],
        [c, p.sd2 * p.sd2],
      ],
    };
  },
  exportAs({ rho, sd1, sd2 }) {
    const [a, b] = [`(x/${lit(sd1)})`, `(y/${lit(sd2)})`];
    const norm = LOG_2PI + Math.log(sd1 * sd2) + 0.5 * Math.log(1 - rho * rho);
    return { logDensity: formula(`-0.5*(${a}^2 - ${lit(2 * rho)}*${a}*${b} + ${b}^2)/${lit(1 - rho * rho)} - ${lit(norm)}`) };
  },
  logDensityGrad,
};
