import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

const SD_X = Math.SQRT2; // Σ₁₁ = 2
const SD_U = Math.sqrt(0.5); // Σ₂₂ = .5
const RHO = 0.25 / (SD_X * SD_U); // Σ₁₂ = .25

/**
 * squiggle: a = x/σ₁, b = (y + sin 5x)/σ₂, log p̃ = −½(a² − 2ρab + b²)/(1 − ρ²) − norm;
 * ∂/∂a = −(a − ρb)/(1 − ρ²), ∂/∂b = −(b − ρa)/(1 − ρ²), ∂b/∂x = 5 cos 5x / σ₂.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  const c = 1 - RHO * RHO;
  const norm = LOG_2PI + Math.log(SD_X * SD_U) + 0.5 * Math.log(c);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const a = x / SD_X;
    const b = (z[2 * i + 1] + Math.sin(5 * x)) / SD_U;
    const ga = -(a - RHO * b) / c;
    const gb = -(b - RHO * a) / c;
    logp[i] = 0.5 * (a * ga + b * gb) - norm;
    grad[2 * i] = ga / SD_X + (gb / SD_U) * 5 * Math.cos(5 * x);
    grad[2 * i + 1] = gb / SD_U;
  }
};

/**
 * The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), on (x, u = y + sin 5x) with
 * Σ⁻¹ = [[P₁₁, P₁₂], [P₁₂, P₂₂]] of Σ = [[2, .25], [.25, .5]]: gₓ = −(P₁₁x + P₁₂u),
 * gᵤ = −(P₁₂x + P₂₂u); log p̃ = ½(x gₓ + u gᵤ) − norm, ∂/∂x = gₓ + gᵤ·5 cos 5x, ∂/∂y = gᵤ.
 */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta) => {
  const c = 1 - RHO * RHO;
  const [p11, p12, p22] = [1 / (c * SD_X * SD_X), -RHO / (c * SD_X * SD_U), 1 / (c * SD_U * SD_U)];
  const [x, y] = columns2(tf, theta);
  const x5 = tf.mul(x, 5);
  const u = tf.add(y, tf.sin(x5));
  const gx = tf.sub(tf.mul(x, -p11), tf.mul(u, p12));
  const gu = tf.sub(tf.mul(x, -p12), tf.mul(u, p22));
  const norm = LOG_2PI + Math.log(SD_X * SD_U) + 0.5 * Math.log(c);
  const logp = tf.sub(tf.mul(tf.add(tf.mul(x, gx), tf.mul(u, gu)), 0.5), norm) as Tensor1D;
  const dx = tf.add(gx, tf.mul(gu, tf.mul(tf.cos(x5), 5)));
  return { logp, grad: tf.stack([dx, gu], 1) as Tensor2D };
};

/** squiggle's log p̃ for the engine, the CLI and code export (its info is squiggle.ts). */
export const squiggleDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const u2 = tf.add(y, tf.sin(tf.mul(x, 5))) as Tensor1D;
    return bivariateNormalLogPdf(tf, x, u2, [0, 0], SD_X, SD_U, RHO);
  },
  exportAs() {
    const [a, b] = [`(x/${lit(SD_X)})`, `((y + sin(5*x))/${lit(SD_U)})`];
    const c = 1 - RHO * RHO;
    const norm = LOG_2PI + Math.log(SD_X * SD_U) + 0.5 * Math.log(c);
    return { logDensity: formula(`-0.5*(${a}^2 - ${lit(2 * RHO)}*${a}*${b} + ${b}^2)/${lit(c)} - ${lit(norm)}`) };
  },
  logDensityGrad,
  logDensityAndGrad,
};
