import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { mixtureData, PRIOR_VAR } from './mixtureMeans';
import { LOG_2PI, columns2 } from './gaussianMath';
import { formula, lit, sum } from '../export/expr';

/** Each data point's constant: log ½ − ½ log 2π; the two priors': −log(2π·3²). */
const POINT_CONST = Math.log(0.5) - 0.5 * LOG_2PI;
const PRIOR_CONST = -LOG_2PI - Math.log(PRIOR_VAR);

/**
 * log p̃ = −(μ₁² + μ₂²)/(2·3²) − log(2π·3²) + Σₙ [log ½ − ½ log 2π + logsumexp(aₙ, bₙ)],
 * aₙ = −½(xₙ − μ₁)², bₙ = −½(xₙ − μ₂)². ∂/∂μ₁ = −μ₁/3² + Σₙ rₙ(xₙ − μ₁), rₙ = σ(aₙ − bₙ) the
 * responsibility of component 1 for xₙ (EM's E-step); ∂/∂μ₂ likewise with 1 − rₙ.
 */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const xs = mixtureData(p);
  for (let i = 0; i < n; i++) {
    const m1 = z[2 * i];
    const m2 = z[2 * i + 1];
    let lp = PRIOR_CONST - (m1 * m1 + m2 * m2) / (2 * PRIOR_VAR);
    let g1 = -m1 / PRIOR_VAR;
    let g2 = -m2 / PRIOR_VAR;
    for (const x of xs) {
      const a = -0.5 * (x - m1) * (x - m1);
      const b = -0.5 * (x - m2) * (x - m2);
      const m = Math.max(a, b);
      const ea = Math.exp(a - m);
      const eb = Math.exp(b - m);
      lp += POINT_CONST + m + Math.log(ea + eb);
      const r = ea / (ea + eb);
      g1 += r * (x - m1);
      g2 += (1 - r) * (x - m2);
    }
    logp[i] = lp;
    grad[2 * i] = g1;
    grad[2 * i + 1] = g2;
  }
};

/** mixtureMeans's log p̃ for the engine, the CLI and code export (its info is mixtureMeans.ts). */
export const mixtureMeansDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const [m1, m2] = columns2(tf, theta);
    let lp = tf.sub(tf.mul(tf.add(tf.square(m1), tf.square(m2)), -0.5 / PRIOR_VAR), -PRIOR_CONST) as Tensor1D;
    for (const x of mixtureData(p)) {
      const a = tf.mul(tf.square(tf.sub(m1, x)), -0.5);
      const b = tf.mul(tf.square(tf.sub(m2, x)), -0.5);
      lp = tf.add(lp, tf.add(tf.logSumExp(tf.stack([a, b], 1), 1), POINT_CONST)) as Tensor1D;
    }
    return lp;
  },
  // The same sum in the formula language (θ = (μ₁, μ₂) is (x, y)): docs/export.md.
  exportAs(p) {
    const points = mixtureData(p).map((d) => formula(`logsumexp(-(x - ${lit(d)})^2/2, -(y - ${lit(d)})^2/2)`));
    const constant = PRIOR_CONST + mixtureData(p).length * POINT_CONST;
    return { logDensity: sum([formula(`${lit(constant)} - (x^2 + y^2)/${lit(2 * PRIOR_VAR)}`), ...points]) };
  },
  logDensityGrad,
};
