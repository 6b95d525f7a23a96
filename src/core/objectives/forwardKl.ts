import type { ObjectiveInfo } from './types';

/**
 * Forward KL (docs/math.md#forward-kl): minimise KL(p‖q) = E_p[log p − log q]. Only −E_p[log q]
 * depends on q, and in 1D/2D E_p is a quadrature on the plot grid with p's normalised weights
 * wᵢ = p(θᵢ)ΔAᵢ: loss = −Σᵢ wᵢ log q(θᵢ), the cross-entropy H(p, q) = KL(p‖q) + H(p). Its gradient
 * is exact up to the quadrature: no sampling from q, no importance weights, so ε and the estimator
 * are unused. The loss is in forwardKl.loss.ts.
 */
export const forwardKl: ObjectiveInfo = {
  id: 'forward-kl',
  name: 'Forward KL',
  description:
    'Minimise KL(p‖q), computed exactly on the plot grid (no sampling, so the gradient is exact and the estimator has no effect): q spreads to cover all of p. It bounds nothing, so the read-out shows the ELBO.',
  tex: String.raw`\mathrm{KL}(p\,\|\,q) = \mathbb{E}_p[\log p(\theta) - \log q(\theta)] = -\textstyle\sum_i w_i \log q(\theta_i) - H(p),\quad w_i = p(\theta_i)\,\Delta A_i`,
  options: [],
  estimators: ['reparam'],
  unsupported: (family) =>
    family.density !== 'anywhere' && family.fittedBy === 'objective'
      ? `forward KL needs log q at every grid point, and ${family.name} ${family.density === 'samples' ? 'knows log q only at its own samples' : 'has no density'}`
      : null,
};
