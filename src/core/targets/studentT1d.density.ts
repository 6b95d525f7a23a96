import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { column1 } from './gaussianMath';
import { lgamma } from './special';
import { formula, lit } from '../export/expr';

const logNormaliser = (nu: number) => lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);

/** student-t-1d: ∇ = −((ν + 1)/2)·(2x/ν)/(1 + x²/ν) = −(ν + 1)x/(ν + x²). */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const nu = p.nu;
  const norm = logNormaliser(nu);
  for (let i = 0; i < n; i++) {
    const x = z[i];
    logp[i] = norm - ((nu + 1) / 2) * Math.log1p((x * x) / nu);
    grad[i] = (-(nu + 1) * x) / (nu + x * x);
  }
};

/** studentT1d's log p̃ for the engine, the CLI and code export (its info is studentT1d.ts). */
export const studentT1dDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const nu = p.nu;
    const x = column1(tf, theta);
    const logNorm = logNormaliser(nu);
    return tf.sub(logNorm, tf.mul(tf.log1p(tf.div(tf.square(x), nu)), (nu + 1) / 2)) as Tensor1D;
  },
  exportAs: (p) => ({ logDensity: formula(`${lit(logNormaliser(p.nu))} - ${lit((p.nu + 1) / 2)}*log1p(x^2/${lit(p.nu)})`) }),
  logDensityGrad,
};
