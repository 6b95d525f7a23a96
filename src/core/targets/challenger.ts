import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, columns2 } from './gaussianMath';
import { formula, lit, sum } from '../export/expr';

/** The 23 launches before Challenger: (temperature °F, damage incident), docs/targets.md#challenger. */
const LAUNCHES: readonly (readonly [number, 0 | 1])[] = [
  [66, 0], [70, 1], [69, 0], [68, 0], [67, 0], [72, 0], [73, 0], [70, 0], [57, 1], [63, 1], [70, 1], [78, 0],
  [67, 0], [53, 1], [67, 0], [75, 0], [70, 0], [81, 0], [76, 0], [79, 0], [75, 1], [76, 0], [58, 1],
];
const N = LAUNCHES.length;
const MEAN_TEMP = LAUNCHES.reduce((s, [t]) => s + t, 0) / N;
/** Standardised with the sample standard deviation (divisor n − 1). */
const SD_TEMP = Math.sqrt(LAUNCHES.reduce((s, [t]) => s + (t - MEAN_TEMP) ** 2, 0) / (N - 1));
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

/**
 * Logistic regression of damage on standardised temperature z (docs/targets.md#challenger):
 * P(damage) = σ(β₀ + β₁z), β₀, β₁ ~ N(0, s²) independently. Both priors are normalised, so Z is
 * the marginal likelihood p(damage | temperatures).
 */
export const challenger: TargetSpec = {
  id: 'challenger',
  name: 'Challenger O-rings',
  description: 'How the chance of O-ring damage grew as launches got colder: a logistic regression with intercept and slope.',
  tex: String.raw`\sum_{i=1}^{23} \log \sigma\!\big(\pm(\beta_0 + \beta_1 z_i)\big) + \log \mathcal{N}(\beta_0; 0, s^2) + \log \mathcal{N}(\beta_1; 0, s^2)`,
  dim: 2,
  params: [
    {
      name: 'priorSd',
      label: 'prior sd s of β₀, β₁',
      min: 0.5,
      max: 10,
      step: 0.1,
      default: 2.5,
      help: 'Small s pulls intercept and slope towards 0; large s lets the 23 launches speak.',
    },
  ],
  // posterior mean ≈ (−1.1, −1.8) at s = 2.5; the slope's long negative tail at s = 10 leaves
  // only 2e-6 of the mass outside this box
  domain: () => ({ x: [-7, 3], y: [-9, 2] }),
  caveat: `Temperature is standardised, z = (t − ${MEAN_TEMP.toFixed(2)} °F)/${SD_TEMP.toFixed(2)} °F, so β₀ is the log-odds of damage at an average temperature and β₁ the change per standard deviation.`,
  source:
    'Dalal, Fowlkes & Hoadley (1989), "Risk analysis of the space shuttle: pre-Challenger prediction of failure", ' +
    'J. American Statistical Association 84(408): the 23 shuttle launches before Challenger (January 1986).',
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
