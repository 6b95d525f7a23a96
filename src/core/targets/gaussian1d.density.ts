import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, column1, normalLogPdf } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** gaussian-1d: −½z² − log s − ½ log 2π, z = (x − m)/s; ∇ = −z/s. */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const norm = 0.5 * LOG_2PI + Math.log(p.sd);
  for (let i = 0; i < n; i++) {
    const u = (z[i] - p.mean) / p.sd;
    logp[i] = -0.5 * u * u - norm;
    grad[i] = -u / p.sd;
  }
};

/** The same in tf ops for the tfjs path (types.ts#logDensityAndGrad), d = x − m: ∇ = −d/s², log p̃ = −½d²/s² − norm. */
const logDensityAndGrad: TargetDensity['logDensityAndGrad'] = (tf, theta, { mean, sd }) => {
  const d = tf.sub(theta, mean) as Tensor2D;
  const grad = tf.mul(d, -1 / (sd * sd)) as Tensor2D;
  const logp = tf.sub(tf.mul(tf.square(column1(tf, d)), -0.5 / (sd * sd)), 0.5 * LOG_2PI + Math.log(sd)) as Tensor1D;
  return { logp, grad };
};

/** gaussian1d's log p̃ for the engine, the CLI and code export (its info is gaussian1d.ts). */
export const gaussian1dDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    return normalLogPdf(tf, column1(tf, theta), p.mean, p.sd);
  },
  exportAs: (p) => ({ logDensity: formula(`normal_lpdf(x, ${lit(p.mean)}, ${lit(p.sd)})`) }),
  logDensityGrad,
  logDensityAndGrad,
};
