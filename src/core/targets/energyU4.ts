import type { TargetInfo } from './types';
import { WALL_CAVEAT } from './energyWall';

/**
 * Rezende & Mohamed (2015) energy U₄ = −log(e^{−½((y−w₁)/0.4)²} + e^{−½((y−w₁+w₃)/0.35)²})
 * (docs/targets.md#energies), plus the box wall of energyMath; summed by logsumexp. Its lower
 * branch dips to y ≈ −4 near x = 3, right at the wall, so Z has no closed form here.
 */
export const energyU4: TargetInfo = {
  id: 'u4',
  name: 'Energy U₄ (step wave)',
  description: 'A sine-wave band that steps down and doubles for x > 1: two branches, one of them pressed against the wall.',
  tex: String.raw`\log\!\Big(e^{-\frac12(\frac{y - w_1}{0.4})^2} + e^{-\frac12(\frac{y - w_1 + w_3}{0.35})^2}\Big),\quad w_3 = 3\,\sigma\!\big(\tfrac{x-1}{0.3}\big)`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-4.5, 4.5], y: [-4.5, 4.5] }),
  caveat: `U₄ is not normalisable on ℝ²: ${WALL_CAVEAT} Near x = 3 the lower branch runs into the wall at y = −4.`,
};
