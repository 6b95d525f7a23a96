import type { TargetInfo } from './types';

/** mcmc-demo's three components: means and isotropic variances σₖ² (docs/targets.md#multimodal). */
export const COMPONENTS: readonly { mean: readonly [number, number]; variance: number }[] = [
  { mean: [-1.5, -1.5], variance: 0.8 },
  { mean: [1.5, 1.5], variance: 0.8 },
  { mean: [-2, 2], variance: 0.5 },
];

/**
 * log Σₖ N(θ; μₖ, σₖ² I), unweighted as in chi-feng/mcmc-demo, so Z = 3 (three normalised bumps).
 * Summed by logsumexp so that far from all bumps the density does not underflow to log 0.
 */
export const multimodal: TargetInfo = {
  id: 'multimodal',
  name: 'Three bumps',
  description: 'Three separate bumps: reverse KL lets a single Gaussian settle on one of them, or stretch over two.',
  tex: String.raw`\log \sum_{k=1}^{3} \mathcal{N}(\theta;\, \mu_k,\, \sigma_k^2 I)`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  exact() {
    // p = (1/3) Σₖ N(μₖ, σₖ²I): mean m = (1/3) Σ μₖ, cov = (1/3) Σ (σₖ² I + μₖμₖᵀ) − m mᵀ
    const k = COMPONENTS.length;
    const m = [0, 1].map((a) => COMPONENTS.reduce((s, c) => s + c.mean[a], 0) / k);
    const cov = [0, 1].map((a) =>
      [0, 1].map(
        (b) => COMPONENTS.reduce((s, c) => s + (a === b ? c.variance : 0) + c.mean[a] * c.mean[b], 0) / k - m[a] * m[b],
      ),
    );
    return { logZ: Math.log(k), mean: m, cov };
  },
};
