import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { logPriorNorm, posterior } from './rate';
import { column1 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** rate: ∇ = A − B e^u. */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const { shape, rate: r } = posterior(p);
  const norm = logPriorNorm(p);
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[i]);
    logp[i] = norm + shape * z[i] - r * e;
    grad[i] = shape - r * e;
  }
};

/** rate's log p̃ for the engine, the CLI and code export (its info is rate.ts). */
export const rateDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const { shape, rate: r } = posterior(p);
    const u = column1(tf, theta);
    return tf.add(tf.sub(tf.mul(u, shape), tf.mul(tf.exp(u), r)), logPriorNorm(p)) as Tensor1D;
  },
  exportAs(p) {
    const { shape, rate: r } = posterior(p);
    return { logDensity: formula(`${lit(logPriorNorm(p))} + ${lit(shape)}*x - ${lit(r)}*exp(x)`), toConstrained: [formula('exp(x)')] };
  },
  logDensityGrad,
};
