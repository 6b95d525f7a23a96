import type { EstimatorSpec } from './types';

/** The gradient estimators (docs/math.md#estimators). */
export const estimators: readonly EstimatorSpec[] = [
  {
    id: 'reparam',
    name: 'Reparameterisation',
    description: 'Pathwise gradient through θ = T_φ(ε): low variance, needs a differentiable sampler.',
    tex: String.raw`\nabla_\phi \mathrm{ELBO} \approx \frac{1}{S}\sum_{s=1}^{S} \nabla_\phi\big[\log \tilde p(\theta_s) - \log q_\phi(\theta_s)\big],\quad \theta_s = T_\phi(\varepsilon_s),\ \varepsilon_s \sim \mathcal{N}(0, I)`,
  },
  {
    id: 'score',
    name: 'Score function (REINFORCE)',
    description: 'Σ (f(θ) − b) ∇log q(θ) with a running-mean baseline b: works without a reparameterisation, but noisy.',
    tex: String.raw`\nabla_\phi \mathrm{ELBO} \approx \frac{1}{S}\sum_{s=1}^{S} \big(f(\theta_s) - b\big)\,\nabla_\phi \log q_\phi(\theta_s),\quad f = \log \tilde p - \log q_\phi,\ \theta_s \sim q_\phi`,
  },
  {
    id: 'score-plain',
    name: 'Score function, no baseline',
    description: 'Σ f(θ) ∇log q(θ), the plain REINFORCE estimator: unbiased, but its noise never vanishes, not even at q = p (there f = log Z ≠ 0).',
    tex: String.raw`\nabla_\phi \mathrm{ELBO} \approx \frac{1}{S}\sum_{s=1}^{S} f(\theta_s)\,\nabla_\phi \log q_\phi(\theta_s),\quad f = \log \tilde p - \log q_\phi,\ \theta_s \sim q_\phi`,
  },
  {
    id: 'stl',
    name: 'Sticking the landing',
    description: 'Reparameterised, with log q evaluated at stop-gradient parameters: zero variance when q = p (Roeder et al. 2017).',
    tex: String.raw`\nabla_\phi \mathrm{ELBO} \approx \frac{1}{S}\sum_{s=1}^{S} \nabla_\phi\big[\log \tilde p(\theta_s) - \log q_{\bar\phi}(\theta_s)\big],\quad \theta_s = T_\phi(\varepsilon_s),\ \bar\phi = \text{stop-gradient}(\phi)`,
  },
];

export function findEstimator(id: string): EstimatorSpec | undefined {
  return estimators.find((e) => e.id === id);
}
