import type { EstimatorSpec } from './types';

/** The gradient estimators (docs/math.md#estimators). */
export const estimators: readonly EstimatorSpec[] = [
  {
    id: 'reparam',
    name: 'Reparameterisation',
    description: 'Pathwise gradient through θ = T_φ(ε): low variance, needs a differentiable sampler.',
  },
  {
    id: 'score',
    name: 'Score function (REINFORCE)',
    description: 'Σ (f(θ) − b) ∇log q(θ) with a running-mean baseline b: works without a reparameterisation, but noisy.',
  },
  {
    id: 'stl',
    name: 'Sticking the landing',
    description: 'Reparameterised, with log q evaluated at stop-gradient parameters: zero variance when q = p (Roeder et al. 2017).',
  },
];

export function findEstimator(id: string): EstimatorSpec | undefined {
  return estimators.find((e) => e.id === id);
}
