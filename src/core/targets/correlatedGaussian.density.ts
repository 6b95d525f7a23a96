import type { Tensor1D, Tensor2D } from '../tfTypes';
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

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad): on the scaled batch
 * A = (a, b) = (x/σ₁, y/σ₂), G = A·R with R = −(1/(1 − ρ²))[[1, −ρ], [−ρ, 1]] (one matMul),
 * ∇ = G/(σ₁, σ₂) and log p̃ = ½ A·G − norm: 7 kernels, no autodiff. Scaling first keeps the
 * rounding of a − ρb where autodiff of logDensity has it (ρ → ±1 cancels there).
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta, { rho, sd1, sd2 }) => {
  const c = 1 - rho * rho;
  const sd = tf.tensor2d([sd1, sd2], [1, 2]);
  const scaled = tf.div(theta, sd) as Tensor2D;
  const g = tf.matMul(scaled, tf.tensor2d([-1 / c, rho / c, rho / c, -1 / c], [2, 2]));
  const norm = LOG_2PI + Math.log(sd1 * sd2) + 0.5 * Math.log(c);
  const logp = tf.sub(tf.mul(tf.sum(tf.mul(scaled, g), 1), 0.5), norm) as Tensor1D;
  return { logp, grad: tf.div(g, sd) as Tensor2D };
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
  logDensityAndGrad,
};
