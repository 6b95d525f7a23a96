import type { TargetInfo } from './types';

/**
 * chi-feng/mcmc-demo's banana (docs/targets.md#banana): u = (x/a, a·y + a·b·(x² + a²)),
 * log p̃ = log N(u; (0, 4), [[1, .5], [.5, 1]]). The map θ → u has |det J| = (1/a)·a = 1, so the
 * target is normalised on ℝ² (log Z = 0) whatever a and b are.
 */
export const banana: TargetInfo = {
  id: 'banana',
  name: 'Banana',
  description: 'A curved ridge: a Gaussian q can only cover its middle, so the KL stalls above 0.',
  tex: String.raw`\log \mathcal{N}\!\left(\big(\tfrac{x}{a},\; a y + a b (x^2 + a^2)\big);\; (0, 4),\; \begin{pmatrix}1 & .5\\ .5 & 1\end{pmatrix}\right)`,
  dim: 2,
  params: [
    { name: 'a', label: 'width a', min: 1, max: 2.5, step: 0.05, default: 2 },
    { name: 'b', label: 'curvature b', min: 0, max: 0.4, step: 0.01, default: 0.2 },
  ],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  exact: () => ({ logZ: 0 }),
};
