import { LOG_2PI } from '../targets/gaussianMath';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { readMatrix, sampleMoments, seededNormals, filledValue, initialValue } from './familyMath';
import { radialLayers } from './radialLayers';
import type { FamilyMaker, VariationalFamily, FamilyInit, InitialValue } from './types';

/**
 * [μ, log σ, centres (K×d), α̃ (K), β̃ (K)]. Centres seeded around the starting mean; α̃ = 0 gives
 * α = log 2 and β̃ ≈ 0 gives β = −log 2 + softplus(β̃) ≈ 0, so every layer starts close to the identity.
 */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const K = Math.round(options.layers ?? 8);
  const centres = seededNormals(0x7ad1, K * dim, init.scale).map((v, i) => v + init.mean[i % dim]);
  return [
    initialValue([dim], init.mean.slice(0, dim)),
    filledValue([dim], Math.log(init.scale)),
    initialValue([K, dim], centres),
    filledValue([K], 0),
    initialValue([K], seededNormals(0x7ad2, K, 0.01)),
  ];
}

/** How radialFlow.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const radialFlowMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const K = Math.round(options.layers ?? 8);
    const [mu0, logSigma0, centres0, alpha0, beta0] = initialValues(dim, init, options);
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const logSigma = tf.tidy(() => tf.variable(tf.tensor1d(logSigma0.values)));
    const z0 = tf.tidy(() => tf.variable(tf.tensor2d(centres0.values, [K, dim])));
    const alphaRaw = tf.tidy(() => tf.variable(tf.tensor1d(alpha0.values)));
    const betaRaw = tf.tidy(() => tf.variable(tf.tensor1d(beta0.values)));

    const coefficients = (): { alpha: Tensor1D; beta: Tensor1D } => {
      const alpha = tf.softplus(alphaRaw) as Tensor1D;
      return { alpha, beta: tf.sub(tf.softplus(betaRaw), alpha) as Tensor1D };
    };

    /** z_K for the base draw z₀ = μ + σ ⊙ ε, and (withDensity) log q(z_K). */
    const forward = (eps: Tensor2D, withDensity: boolean): { z: Tensor2D; logQ: Tensor1D | null } => {
      const base0 = tf.add(tf.mul(eps, tf.exp(logSigma)), mu) as Tensor2D;
      const { alpha, beta } = coefficients();
      // the layers and their log|det| as one op with a hand-written gradient (radialLayers.ts)
      const { z, logDet } = radialLayers(tf, base0, z0, alpha, beta);
      if (!withDensity) return { z, logQ: null };
      // log N(z₀; μ, σ) at z₀ = μ + σ ⊙ ε: Σ(−½εᵢ² − log σᵢ) − (d/2) log 2π
      const base = tf.sub(tf.mul(tf.sum(tf.square(eps), 1), -0.5), tf.add(tf.sum(logSigma), 0.5 * dim * LOG_2PI));
      return { z, logQ: tf.sub(base, logDet) as Tensor1D };
    };
    const sample = (eps: Tensor2D) => forward(eps, false).z;

    return {
      dim,
      variables: [mu, logSigma, z0, alphaRaw, betaRaw],
      density: 'samples',
      sample,
      draw: (eps) => ({ ...forward(eps, true), weights: null }),
      entropy: () => null,
      momentsSampled: true,
      moments: () => sampleMoments(tf, dim, sample),
      params: () =>
        tf.tidy(() => {
          const { alpha, beta } = coefficients();
          return {
            mu: Array.from(mu.dataSync()),
            sigma: Array.from(logSigma.dataSync(), Math.exp),
            z0: readMatrix(z0),
            alpha: Array.from(alpha.dataSync()),
            beta: Array.from(beta.dataSync()),
          };
        }),
      dispose() {
        for (const t of [mu, logSigma, z0, alphaRaw, betaRaw]) t.dispose();
      },
    };
  },
};
