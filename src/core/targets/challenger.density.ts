import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LAUNCHES, MEAN_TEMP, N, SD_TEMP } from './challenger';
import { LOG_2PI, columns2 } from './gaussianMath';
import { formula, lit, sum } from '../export/expr';

const Z = LAUNCHES.map(([t]) => (t - MEAN_TEMP) / SD_TEMP);
/** ±1 for damage / no damage: log σ(±η) is the Bernoulli log-likelihood. */
const SIGN = LAUNCHES.map(([, d]) => 2 * d - 1);

/**
 * challenger: Σᵢ log σ(±ηᵢ), ηᵢ = β₀ + β₁zᵢ, d/dηᵢ log σ(±ηᵢ) = ±σ(∓ηᵢ); the prior adds −β/s².
 * One exp and one log1p per launch: with v = ±ηᵢ and e = e^{−|v|}, log σ(v) = min(v, 0) − log1p(e)
 * and σ(−v) = e/(1 + e) for v ≥ 0, 1/(1 + e) below.
 */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const s2 = p.priorSd * p.priorSd;
  const norm = LOG_2PI + 2 * Math.log(p.priorSd);
  for (let i = 0; i < n; i++) {
    const b0 = z[2 * i];
    const b1 = z[2 * i + 1];
    let lik = 0;
    let g0 = 0;
    let g1 = 0;
    for (let k = 0; k < N; k++) {
      const v = SIGN[k] * (b0 + b1 * Z[k]);
      const e = Math.exp(-Math.abs(v));
      lik += Math.min(v, 0) - Math.log1p(e);
      const slope = (SIGN[k] * (v >= 0 ? e : 1)) / (1 + e);
      g0 += slope;
      g1 += slope * Z[k];
    }
    logp[i] = lik - (0.5 * (b0 * b0 + b1 * b1)) / s2 - norm;
    grad[2 * i] = g0 - b0 / s2;
    grad[2 * i + 1] = g1 - b1 / s2;
  }
};

/** challenger's log p̃ for the engine, the CLI and code export (its info is challenger.ts). */
export const challengerDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const [b0, b1] = columns2(tf, theta);
    const eta = tf.add(tf.reshape(b0, [-1, 1]), tf.mul(tf.reshape(b1, [-1, 1]), tf.tensor2d(Z, [1, N])));
    // log σ(±η) = −softplus(∓η)
    const logLik = tf.neg(tf.sum(tf.softplus(tf.mul(eta, tf.tensor2d(SIGN.map((s) => -s), [1, N]))), 1));
    const s = p.priorSd;
    const prior = tf.sub(tf.mul(tf.add(tf.square(b0), tf.square(b1)), -0.5 / (s * s)), LOG_2PI + 2 * Math.log(s));
    return tf.add(logLik, prior) as Tensor1D;
  },
  // one Bernoulli term per launch, log σ(±η) = −softplus(∓η), then the two Gaussian priors
  exportAs(p) {
    const s2 = p.priorSd * p.priorSd;
    const launches = Z.map((z, k) => formula(`-softplus(${lit(-SIGN[k])}*(x + ${lit(z)}*y))`));
    const prior = formula(`-0.5*(x^2 + y^2)/${lit(s2)} - ${lit(LOG_2PI + 2 * Math.log(p.priorSd))}`);
    return { logDensity: sum([...launches, prior]) };
  },
  logDensityGrad,
};
