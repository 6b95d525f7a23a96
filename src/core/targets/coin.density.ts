import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { posterior } from './coin';
import { column1 } from './gaussianMath';
import { logBeta, logSigmoid } from './special';
import { formula, lit } from '../export/expr';

/** coin: ∇ = α σ(−u) − β σ(u), with σ(±u) = e^{log σ(±u)} (no overflow for either sign). */
const logDensityGrad: LogDensityGrad = (z, n, p, logp, grad) => {
  const { alpha, beta } = posterior(p);
  const norm = logBeta(p.a, p.b);
  for (let i = 0; i < n; i++) {
    const logP = logSigmoid(z[i]);
    const logQ = logSigmoid(-z[i]);
    logp[i] = alpha * logP + beta * logQ - norm;
    grad[i] = alpha * Math.exp(logQ) - beta * Math.exp(logP);
  }
};

/** coin's log p̃ for the engine, the CLI and code export (its info is coin.ts). */
export const coinDensity: TargetDensity = {
  logDensity(tf, theta, p) {
    const { alpha, beta } = posterior(p);
    const u = column1(tf, theta);
    // log σ(u) = −softplus(−u), stable for either sign
    const logP = tf.neg(tf.softplus(tf.neg(u)));
    const logQ = tf.neg(tf.softplus(u));
    return tf.sub(tf.add(tf.mul(logP, alpha), tf.mul(logQ, beta)), logBeta(p.a, p.b)) as Tensor1D;
  },
  // log σ(±u) = −softplus(∓u), as logDensity; p = σ(u)
  exportAs(p) {
    const { alpha, beta } = posterior(p);
    return {
      logDensity: formula(`-${lit(alpha)}*softplus(-x) - ${lit(beta)}*softplus(x) - ${lit(logBeta(p.a, p.b))}`),
      toConstrained: [formula('sigmoid(x)')],
    };
  },
  logDensityGrad,
};
