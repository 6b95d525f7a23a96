import type { TargetInfo } from './types';

/**
 * Rezende & Mohamed (2015) energy U₁ (docs/targets.md#energies), p̃ = e^{−U₁}:
 * U₁ = ½((‖θ‖ − 2)/0.4)² − log(e^{−½((x−2)/0.6)²} + e^{−½((x+2)/0.6)²}), a ring of radius 2 weighted
 * towards its two ends on the x-axis. Normalisable; no closed-form Z. Symmetric under x → −x and
 * y → −y, so its mean is 0.
 */
export const energyU1: TargetInfo = {
  id: 'u1',
  name: 'Energy U₁ (split ring)',
  description: 'A ring whose mass gathers at its left and right ends: two crescents that one Gaussian cannot both cover.',
  tex: String.raw`-\tfrac12\Big(\frac{\lVert\theta\rVert - 2}{0.4}\Big)^2 + \log\!\Big(e^{-\frac12(\frac{x-2}{0.6})^2} + e^{-\frac12(\frac{x+2}{0.6})^2}\Big)`,
  dim: 2,
  params: [],
  // the ring's outer edge at ‖θ‖ = 4 is 5 sds out: density e^{−12.5} of the peak
  domain: () => ({ x: [-4, 4], y: [-4, 4] }),
  exact: () => ({ mean: [0, 0] }),
};
