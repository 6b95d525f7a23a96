import type { TargetInfo } from './types';

export const RADIUS = 2.6;
export const SIGMA2 = 0.033;

/**
 * chi-feng/mcmc-demo's donut (docs/targets.md#donut): log p̃ = −(‖θ‖ − 2.6)²/0.033, a ring of
 * radius r₀ = 2.6 whose radial profile is Gaussian with s² = 0.033/2.
 */
export const donut: TargetInfo = {
  id: 'donut',
  name: 'Donut',
  description: 'A thin ring: a Gaussian q cannot bend around it, so it sits across the hole or hugs one side.',
  tex: String.raw`-\frac{(\lVert\theta\rVert - 2.6)^2}{0.033}`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  exact() {
    // Z = 2π ∫₀^∞ r e^{−(r−r₀)²/(2s²)} dr = 2π (s² e^{−r₀²/(2s²)} + r₀ s √(2π) Φ(r₀/s)); r₀/s ≈ 20, so
    // the first term is e^{−205} and Φ = 1 to within 1e-88: Z = (2π)^{3/2} r₀ s.
    // Radially r has density ∝ r N(r; r₀, s²), so E[r²] = E[r³]/E[r] = (r₀³ + 3r₀s²)/r₀, split
    // evenly between x and y by symmetry.
    const s2 = SIGMA2 / 2;
    const v = (RADIUS * RADIUS + 3 * s2) / 2;
    return {
      logZ: 1.5 * Math.log(2 * Math.PI) + Math.log(RADIUS) + 0.5 * Math.log(s2),
      mean: [0, 0],
      cov: [
        [v, 0],
        [0, v],
      ],
    };
  },
};
