import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { LOG_2PI, columns2 } from './gaussianMath';
import { sigmoid, softplus } from './special';
import { formula, lit, sum } from '../export/expr';

/** Estimated coaching effects yⱼ and their standard errors σⱼ (docs/targets.md#eight-schools). */
const Y = [28, 8, -3, 7, -1, 1, 18, 12];
const SIGMA = [15, 10, 16, 11, 9, 11, 10, 18];
const MU_SD = 5;
const TAU_SCALE = 5;
const SIGMA2 = SIGMA.map((v) => v * v);

/**
 * eight-schools: ℓⱼ = log(σⱼ² + τ²), τ² = e^{2s}, dℓⱼ/ds = 2τ²/(σⱼ² + τ²); per school
 * −½(e^{−ℓⱼ}rⱼ² + ℓⱼ) with rⱼ = yⱼ − μ. So ∂/∂μ = Σⱼ e^{−ℓⱼ}rⱼ − μ/25 and
 * ∂/∂s = −½Σⱼ (1 − e^{−ℓⱼ}rⱼ²)·dℓⱼ/ds − 2σ(2s − log 25) + 1. As logDensity's softplus form, it
 * never forms e^{2s} for s > 0: there ℓⱼ = 2s + log(1 + σⱼ²e^{−2s}). One log per school.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  const constant =
    -4 * LOG_2PI - 0.5 * LOG_2PI - Math.log(MU_SD) + Math.log(2 / (Math.PI * TAU_SCALE));
  const logScale2 = 2 * Math.log(TAU_SCALE);
  for (let i = 0; i < n; i++) {
    const mu = z[2 * i];
    const s = z[2 * i + 1];
    let sum = 0;
    let gMu = 0;
    let gS = 0;
    // with w = e^{−2|s|} ≤ 1: σⱼ² + τ² = τ²(1 + σⱼ²w) for s > 0, σⱼ² + w otherwise
    const big = s > 0;
    const w = Math.exp(-2 * Math.abs(s));
    for (let j = 0; j < Y.length; j++) {
      const q = big ? 1 + SIGMA2[j] * w : SIGMA2[j] + w;
      const logVar = big ? 2 * s + Math.log(q) : Math.log(q);
      const precision = big ? w / q : 1 / q;
      const dLogVar = big ? 2 / q : (2 * w) / q;
      const r = Y[j] - mu;
      sum += precision * r * r + logVar;
      gMu += precision * r;
      gS += (1 - precision * r * r) * dLogVar;
    }
    logp[i] = -0.5 * sum + (-0.5 * mu * mu) / (MU_SD * MU_SD) - softplus(2 * s - logScale2) + s + constant;
    grad[2 * i] = gMu - mu / (MU_SD * MU_SD);
    grad[2 * i + 1] = -0.5 * gS - 2 * sigmoid(2 * s - logScale2) + 1;
  }
};

/** eightSchools's log p̃ for the engine, the CLI and code export (its info is eightSchools.ts). */
export const eightSchoolsDensity: TargetDensity = {
  logDensity(tf, theta) {
    const [mu, s] = columns2(tf, theta);
    const twoS = tf.reshape(tf.mul(s, 2), [-1, 1]);
    // log(σⱼ² + τ²) = 2s + softplus(log σⱼ² − 2s): finite even where e^{2s} would overflow float32
    const logVar = tf.add(twoS, tf.softplus(tf.sub(tf.tensor2d(SIGMA.map((v) => 2 * Math.log(v)), [1, 8]), twoS)));
    const resid = tf.sub(tf.tensor2d(Y, [1, 8]), tf.reshape(mu, [-1, 1]));
    const perSchool = tf.add(tf.mul(tf.exp(tf.neg(logVar)), tf.square(resid)), logVar);
    const likelihood = tf.sub(tf.mul(tf.sum(perSchool, 1), -0.5), 4 * LOG_2PI);
    const muPrior = tf.sub(tf.mul(tf.square(mu), -0.5 / (MU_SD * MU_SD)), 0.5 * LOG_2PI + Math.log(MU_SD));
    // log(1 + τ²/25) = softplus(2s − log 25)
    const tauPrior = tf.sub(Math.log(2 / (Math.PI * TAU_SCALE)), tf.softplus(tf.sub(tf.mul(s, 2), 2 * Math.log(TAU_SCALE))));
    return tf.add(tf.add(likelihood, muPrior), tf.add(tauPrior, s)) as Tensor1D;
  },
  // as logDensity: log(σⱼ² + τ²) = 2s + softplus(log σⱼ² − 2s), log(1 + τ²/25) = softplus(2s − log 25)
  exportAs() {
    const school = (y: number, sigma: number) => {
      const logVar = `(2*y + softplus(${lit(2 * Math.log(sigma))} - 2*y))`;
      return formula(`-0.5*((${lit(y)} - x)^2*exp(-${logVar}) + ${logVar})`);
    };
    const constant = -4 * LOG_2PI - 0.5 * LOG_2PI - Math.log(MU_SD) + Math.log(2 / (Math.PI * TAU_SCALE));
    const priors = formula(`-0.5*x^2/${lit(MU_SD * MU_SD)} - softplus(2*y - ${lit(2 * Math.log(TAU_SCALE))}) + y + ${lit(constant)}`);
    return {
      logDensity: sum([...Y.map((y, j) => school(y, SIGMA[j])), priors]),
      toConstrained: [formula('x'), formula('exp(y)')],
    };
  },
  logDensityGrad,
};
