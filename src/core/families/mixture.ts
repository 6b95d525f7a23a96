import type { FamilyInfo } from './types';

/**
 * q(θ) = Σₖ πₖ N(θ; μₖ, diag σₖ²), π = softmax(logits). Sampling a component is not
 * reparameterisable in π, so expectations use the stratified form (docs/families.md#mixture)
 * E_q[f] = Σₖ πₖ E_{qₖ}[f]: every ε row is pushed through every component and weighted πₖ/n, so
 * the gradient reaches the logits through the weights and through log q.
 */
export const mixture: FamilyInfo = {
  id: 'mixture',
  name: 'Mixture of Gaussians',
  description:
    'K axis-aligned (diagonal) Gaussians with learned weights: several bumps can cover several modes, ' +
    'and together they can bend around a curved target. Density by logsumexp; no closed-form entropy.',
  options: [
    {
      name: 'K',
      label: 'components K',
      min: 2,
      max: 10,
      step: 1,
      default: 3,
      integer: true,
      help: 'Number of Gaussian bumps. Each one costs another pass over the samples.',
    },
  ],
  density: 'anywhere',
  fittedBy: 'objective',
};
