import type { FastFamily, FastFamilyFactory } from './types';
import { vectorAt } from './namedParams';

/**
 * The point mass (MAP) in plain JS (docs/math.md#fast-paths): θ = μ (d), the loss is the tfjs
 * ownLoss −log p̃(μ) and its gradient −∇log p̃(μ). ε is not used (the point has no noise);
 * every draw is μ. No density: no log q.
 */
function pointMass(dim: number): FastFamily {
  const logp = new Float64Array(1);
  return {
    size: dim,
    logScales: [],
    params: (theta) => ({ mu: vectorAt(theta, 0, dim) }),
    gradient(theta, _eps, _n, target, grad) {
      target.logDensityGrad(theta, 1, target.params, logp, grad);
      for (let j = 0; j < dim; j++) grad[j] = -grad[j];
      return -logp[0];
    },
    sample(theta, _eps, n) {
      const out = new Float64Array(n * dim);
      for (let i = 0; i < n; i++) out.set(theta.subarray(0, dim), i * dim);
      return out;
    },
    moments: (theta) => ({ mean: Array.from(theta), cov: Array.from({ length: dim }, () => new Array<number>(dim).fill(0)) }),
  };
}

export const pointMassFast: FastFamilyFactory = (dim) => pointMass(dim);
