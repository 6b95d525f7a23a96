import type { TargetInfo } from './types';

/** N(0, Σ), Σ = [[σ₁², ρσ₁σ₂], [ρσ₁σ₂, σ₂²]]: the PRML §10.1.2 example of mean-field shrinkage. */
export const correlatedGaussian: TargetInfo = {
  id: 'correlated-gaussian',
  name: 'Correlated Gaussian',
  description:
    'A tilted ellipse: mean-field q cannot tilt, so reverse KL makes it too narrow (variance 1/Λᵢᵢ instead of Σᵢᵢ).',
  tex: String.raw`\log \mathcal{N}\!\left(\theta;\,0,\,\begin{pmatrix}\sigma_1^2 & \rho\sigma_1\sigma_2\\ \rho\sigma_1\sigma_2 & \sigma_2^2\end{pmatrix}\right)`,
  dim: 2,
  params: [
    { name: 'rho', label: 'correlation ρ', min: -0.99, max: 0.99, step: 0.01, default: 0.8 },
    { name: 'sd1', label: 'σ₁ (x spread)', min: 0.3, max: 1.5, step: 0.05, default: 1 },
    { name: 'sd2', label: 'σ₂ (y spread)', min: 0.3, max: 1.5, step: 0.05, default: 1 },
  ],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  exact(p) {
    const c = p.rho * p.sd1 * p.sd2;
    return {
      logZ: 0,
      mean: [0, 0],
      cov: [
        [p.sd1 * p.sd1, c],
        [c, p.sd2 * p.sd2],
      ],
    };
  },
};
