import type { FamilyInfo } from './types';

/**
 * RealNVP (Dinh et al. 2017): z₀ ~ N(μ, diag σ²), then affine couplings. Coupling k keeps the
 * coordinates with mask mₖ = 1 and maps the rest: y = x ⊙ exp(s(x ⊙ mₖ)) + t(x ⊙ mₖ) with s, t
 * zeroed on the kept coordinates, so its Jacobian is triangular and log|det| = Σ s. The masks
 * alternate, so every coordinate is transformed. Each coupling inverts exactly,
 * x = (y − t(y ⊙ mₖ)) ⊙ exp(−s(y ⊙ mₖ)), so log q is known anywhere (density 'anywhere').
 */
export const realNvp: FamilyInfo = {
  id: 'realnvp',
  name: 'RealNVP',
  description:
    'A Gaussian passed through invertible affine couplings: each layer shifts and rescales one coordinate ' +
    'by a small neural network of the other. Flexible, and its exact inverse gives log q anywhere.',
  options: [
    {
      name: 'couplings',
      label: 'coupling layers',
      min: 2,
      max: 8,
      step: 1,
      default: 4,
      integer: true,
      help: 'Each coupling transforms half the coordinates given the other half; they alternate.',
    },
  ],
  density: 'anywhere',
  fittedBy: 'objective',
  unsupportedDim: (dim) => (dim < 2 ? 'RealNVP couples coordinates, so it needs at least 2 dimensions' : null),
};
