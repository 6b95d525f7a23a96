import type { TargetInfo } from './types';
import { WALL_CAVEAT, walledLogZ } from './energyWall';

export const SD = 0.35;

/**
 * Rezende & Mohamed (2015) energy U₃ = −log(e^{−½((y−w₁)/0.35)²} + e^{−½((y−w₁+w₂)/0.35)²})
 * (docs/targets.md#energies), plus the box wall of energyMath; summed by logsumexp. Each term
 * integrates over y to 0.35√(2π) for every x, and the lower branch (lowest at y ≈ −2) stays 5.7 sds
 * from the wall, so Z = 2·0.35√(2π)(8 + 0.2√(π/2)) to within 1e-8.
 */
export const energyU3: TargetInfo = {
  id: 'u3',
  name: 'Energy U₃ (splitting wave)',
  description: 'A sine-wave band that splits in two around x = 1: reverse KL has to choose a branch there.',
  tex: String.raw`\log\!\Big(e^{-\frac12(\frac{y - w_1}{0.35})^2} + e^{-\frac12(\frac{y - w_1 + w_2}{0.35})^2}\Big),\quad w_2 = 3 e^{-\frac12(\frac{x-1}{0.6})^2}`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-4.5, 4.5], y: [-4.5, 4.5] }),
  caveat: `U₃ is not normalisable on ℝ²: ${WALL_CAVEAT}`,
  exact: () => ({ logZ: walledLogZ(2 * SD * Math.sqrt(2 * Math.PI)) }),
};
