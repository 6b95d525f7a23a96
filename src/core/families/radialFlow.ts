import type { FamilyInfo } from './types';

/**
 * Radial flow (Rezende & Mohamed 2015): z₀ ~ N(μ, diag σ²), then per layer
 * z′ = z + β·h(α, r)(z − z₀ₖ), h = 1/(α + r), r = ‖z − z₀ₖ‖, with α = softplus(α̃) > 0 and
 * β = −α + softplus(β̃) ≥ −α (their appendix A.2), which keeps each layer invertible. Its
 * log-determinant is (d − 1) log(1 + βh) + log(1 + βh + βh′r), h′ = −1/(α + r)², and
 * 1 + βh + βh′r = 1 + βα/(α + r)². No closed-form inverse: density 'samples'.
 */
export const radialFlow: FamilyInfo = {
  id: 'radial-flow',
  name: 'Radial flow',
  description:
    'A Gaussian reshaped by a stack of radial layers, each pulling mass towards (or pushing it away from) ' +
    'a learned centre. log q is known only at its own samples, so KL(q‖p) comes from log Z − ELBO.',
  options: [
    {
      name: 'layers',
      label: 'layers',
      min: 1,
      max: 32,
      step: 1,
      default: 8,
      integer: true,
      help: 'Each layer contracts or expands q around one centre; more layers, more flexible and slower.',
    },
  ],
  density: 'samples',
  fittedBy: 'objective',
};
