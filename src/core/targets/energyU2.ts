import type { TargetInfo } from './types';
import { WALL_CAVEAT, walledLogZ } from './energyWall';

export const SD = 0.4;

/**
 * Rezende & Mohamed (2015) energy U₂ = ½((y − w₁(x))/0.4)² (docs/targets.md#energies), plus the
 * box wall of energyMath. For each x the y-profile integrates to 0.4√(2π), and the band never
 * comes within 7.5 sds of y = ±4, so Z = 0.4√(2π)(8 + 0.2√(π/2)) to within 1e-13. θ → −θ maps U₂
 * onto itself, so the mean is 0.
 */
export const energyU2: TargetInfo = {
  id: 'u2',
  name: 'Energy U₂ (wave)',
  description: 'A thin band following a sine wave across the whole box: q must stretch along a curve it cannot bend to.',
  tex: String.raw`-\tfrac12\Big(\frac{y - w_1(x)}{0.4}\Big)^2,\quad w_1 = \sin\tfrac{2\pi x}{4}`,
  dim: 2,
  params: [],
  // the wall's half-Gaussian (sd 0.1) is 5 sds down at ±4.5: all of its mass is on the plot
  domain: () => ({ x: [-4.5, 4.5], y: [-4.5, 4.5] }),
  caveat: `U₂ is not normalisable on ℝ²: ${WALL_CAVEAT}`,
  exact: () => ({ logZ: walledLogZ(SD * Math.sqrt(2 * Math.PI)), mean: [0, 0] }),
};
