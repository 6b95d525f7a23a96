import { LOG_2PI } from '../targets/gaussianMath';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { readMatrix, sampleMoments, seededNormals, filledValue, initialValue } from './familyMath';
import { planarConstraint, planarLayers } from './planarLayers';
import type { FamilyMaker, VariationalFamily, FamilyInit, InitialValue } from './types';

/** log(e − 1): the wᵀu at which m(wᵀu) = 0, i.e. û = u − (wᵀu)w/‖w‖² has no component along w. */
const IDENTITY_WU = Math.log(Math.E - 1);

/**
 * [μ, log σ, u (K×d), w (K×d), b (K)]. Seeded, small init near the identity: w random with
 * ‖w‖ ≈ 1, u chosen so that wᵀu = log(e−1) (then û ≈ 0) plus a little noise, b ≈ 0. Same
 * options, same starting flow.
 */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const K = Math.round(options.layers ?? 8);
  const w0 = seededNormals(0x91a7, K * dim);
  const noise = seededNormals(0x91a8, K * dim, 0.01);
  const u0 = w0.map((wi, i) => {
    const k = Math.floor(i / dim);
    const norm2 = w0.slice(k * dim, (k + 1) * dim).reduce((s, v) => s + v * v, 1e-12);
    return (IDENTITY_WU * wi) / norm2 + noise[i];
  });
  return [
    initialValue([dim], init.mean.slice(0, dim)),
    filledValue([dim], Math.log(init.scale)),
    initialValue([K, dim], u0),
    initialValue([K, dim], w0),
    initialValue([K], seededNormals(0x91a9, K, 0.01)),
  ];
}

/** How planarFlow.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const planarFlowMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const K = Math.round(options.layers ?? 8);
    const [mu0, logSigma0, u0, w0, b0] = initialValues(dim, init, options);
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const logSigma = tf.tidy(() => tf.variable(tf.tensor1d(logSigma0.values)));
    const u = tf.tidy(() => tf.variable(tf.tensor2d(u0.values, [K, dim])));
    const w = tf.tidy(() => tf.variable(tf.tensor2d(w0.values, [K, dim])));
    const b = tf.tidy(() => tf.variable(tf.tensor1d(b0.values)));

    /** û for all layers [K, d], and m(wᵀu) = wᵀû [K]. */
    const constrained = (): { uHat: Tensor2D; m: Tensor1D } => planarConstraint(tf, u, w);

    /** z_K for the base draw z₀ = μ + σ ⊙ ε, and (withDensity) log q(z_K). */
    const forward = (eps: Tensor2D, withDensity: boolean): { z: Tensor2D; logQ: Tensor1D | null } => {
      const z0 = tf.add(tf.mul(eps, tf.exp(logSigma)), mu) as Tensor2D;
      const { uHat, m } = constrained();
      // the layers and their log-determinants as one op with a hand-written gradient (planarLayers.ts);
      // 1 + ûᵀψₖ = 1 + h′·wᵀû = 1 + (1 − tanh²)·m(wᵀu) ≥ 1 − h′ ≥ 0, floored at 1e-7
      const { z, logDet } = planarLayers(tf, z0, uHat, w, b, m);
      if (!withDensity) return { z, logQ: null };
      // log N(z₀; μ, σ) evaluated at ε directly: Σ(−½εᵢ² − log σᵢ) − (d/2) log 2π
      const base = tf.sub(tf.mul(tf.sum(tf.square(eps), 1), -0.5), tf.add(tf.sum(logSigma), 0.5 * dim * LOG_2PI));
      return { z, logQ: tf.sub(base, logDet) as Tensor1D };
    };
    const sample = (eps: Tensor2D) => forward(eps, false).z;

    return {
      dim,
      variables: [mu, logSigma, u, w, b],
      density: 'samples',
      sample,
      draw: (eps) => ({ ...forward(eps, true), weights: null }),
      entropy: () => null,
      momentsSampled: true,
      moments: () => sampleMoments(tf, dim, sample),
      params: () =>
        tf.tidy(() => ({
          mu: Array.from(mu.dataSync()),
          sigma: Array.from(logSigma.dataSync(), Math.exp),
          u: readMatrix(constrained().uHat),
          w: readMatrix(w),
          b: Array.from(b.dataSync()),
        })),
      dispose() {
        for (const t of [mu, logSigma, u, w, b]) t.dispose();
      },
    };
  },
};
