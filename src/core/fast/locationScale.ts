import type { FastFamily } from './types';

/**
 * The end of a location-scale family's pathwise −ELBO gradient with an analytic entropy
 * H = c + Σⱼ sⱼ (sⱼ = log scale, docs/math.md#gaussian-families): `grad` holds ∂/∂(scaleⱼ)·…
 * accumulated as −mean gⱼ·(standardised draw)ⱼ; the chain rule through scale = e^{s} and the
 * entropy's +1 make it ∂sⱼ = ∂sⱼ·e^{sⱼ} − 1. Returns H.
 */
export function finishLogScales(theta: Float64Array, grad: Float64Array, sAt: number, d: number, entropyConst: number): number {
  let entropy = entropyConst;
  for (let j = 0; j < d; j++) {
    grad[sAt + j] = grad[sAt + j] * Math.exp(theta[sAt + j]) - 1;
    entropy += theta[sAt + j];
  }
  return entropy;
}

/** Draws with log q at them, for a family whose density is known anywhere. */
export function drawsWithLogQ(
  sample: FastFamily['sample'],
  logQ: NonNullable<FastFamily['logQ']>,
): NonNullable<FastFamily['sampleWithLogQ']> {
  return (theta, eps, n) => {
    const z = sample(theta, eps, n);
    return { z, logq: logQ(theta, z, n) };
  };
}
