import type { FamilyInfo } from './types';

/**
 * Planar flow (Rezende & Mohamed 2015): z₀ ~ N(μ, diag σ²), then per layer
 * zₖ = zₖ₋₁ + û·tanh(wᵀzₖ₋₁ + b), log q(z_K) = log N(z₀) − Σₖ log|1 + ûᵀψₖ|, ψ = h′(wᵀz + b)w.
 * û = u + (m(wᵀu) − wᵀu)·w/‖w‖², m(x) = −1 + softplus(x) (their appendix A.1), so wᵀû = m(wᵀu)
 * > −1 and every layer is invertible. There is no closed-form inverse, so log q is known only at
 * q's own draws (density 'samples').
 */
export const planarFlow: FamilyInfo = {
  id: 'planar-flow',
  name: 'Planar flow',
  description:
    'A Gaussian bent by a stack of planar layers, each a smooth shear along one direction: it can curve ' +
    'and split mass. log q is known only at its own samples (no inverse), so KL(q‖p) comes from log Z − ELBO.',
  options: [
    {
      name: 'layers',
      label: 'layers',
      min: 1,
      max: 32,
      step: 1,
      default: 8,
      integer: true,
      help: 'Each layer bends q along one hyperplane; more layers, more flexible and slower.',
    },
  ],
  density: 'samples',
  fittedBy: 'objective',
};
