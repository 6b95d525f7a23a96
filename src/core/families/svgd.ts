import type { FamilyInfo } from './types';

/**
 * Stein variational gradient descent (Liu & Wang 2016): q is n particles, moved along
 * φ(xᵢ) = (1/n) Σⱼ [k(xⱼ, xᵢ)∇log p̃(xⱼ) + ∇_{xⱼ}k(xⱼ, xᵢ)], the direction that decreases
 * KL(q‖p) fastest in the kernel's RKHS. The first term pulls particles uphill (kernel-smoothed),
 * the second pushes them apart. RBF kernel k(x, x′) = exp(−‖x − x′‖²/(2h²)) with the median
 * heuristic h² = med²/(2 log(n + 1)) (docs/families.md#svgd; med² the median squared pairwise
 * distance, as in the authors' code). The run's optimiser minimises, so the update is handed over
 * as −φ.
 */
export const svgd: FamilyInfo = {
  id: 'svgd',
  name: 'SVGD particles',
  description:
    'A cloud of particles pulled uphill on log p̃ and pushed apart by a kernel, so together they spread ' +
    'over the target. No density (no ELBO or KL by formula); the cloud itself is the approximation.',
  options: [
    {
      name: 'particles',
      label: 'particles',
      min: 10,
      max: 300,
      step: 1,
      default: 100,
      integer: true,
      help: 'More particles represent p better; each step costs n² kernel evaluations.',
    },
  ],
  density: 'none',
  fittedBy: 'own-update',
};
