import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, type ValueAndSlope, column1, logNormalCdf, logNormalCdfWithSlope, normalLogPdf } from './gaussianMath';
import { formula, lit, logNdtr, sum } from '../export/expr';

const cdf: ValueAndSlope = { value: 0, slope: 0 };

/** skew-normal-1d: log 2 − ½x² − ½ log 2π + log Φ(αx); ∇ = −x + α·(log Φ)′(αx). */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const alpha = p.alpha;
  for (let i = 0; i < n; i++) {
    const x = z[i];
    logNormalCdfWithSlope(alpha * x, cdf);
    logp[i] = -0.5 * x * x - 0.5 * LOG_2PI + Math.LN2 + cdf.value;
    grad[i] = -x + alpha * cdf.slope;
  }
};

/** skewNormal1d's log p̃ for the engine, the CLI and code export (its info is skewNormal1d.ts). */
export const skewNormal1dDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const x = column1(tf, theta);
    return tf.add(tf.add(normalLogPdf(tf, x, 0, 1), Math.LN2), logNormalCdf(tf, tf.mul(x, p.alpha))) as Tensor1D;
  },
  // log Φ has no spelling in the formula language: the export's own log_ndtr (jax.scipy, PyMC's normal_lcdf)
  exportAs: (p) => ({
    logDensity: sum([formula(`-0.5*x^2 - ${lit(0.5 * LOG_2PI)} + ${lit(Math.LN2)}`), logNdtr(formula(`${lit(p.alpha)}*x`))]),
  }),
  logDensityGrad,
};
