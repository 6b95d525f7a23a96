import type { FamilyInfo } from './types';

/**
 * Multivariate Student-t with location μ, scale matrix Σ = LLᵀ (L lower-triangular, positive
 * diagonal through exp, as the full-rank Gaussian) and ν fixed per run.
 *
 * Reparameterisation: z = μ + L ε √(ν/χ²), ε ~ N(0, I), χ² ~ χ²_ν, one χ² per row (shared by all
 * coordinates, which is what makes it a multivariate t and not a product of univariate ones).
 * The run only supplies ε, so the χ² variates are drawn in JS (Marsaglia–Tsang Gamma) from a
 * stream seeded by a hash of the ε batch itself: the same ε (the display batch) always gets the
 * same χ², so plotted samples move smoothly, and training noise stays a function of (seed, step).
 * The χ² factor does not depend on φ, so the pathwise gradient through μ and L is unbiased.
 */
export const studentT: FamilyInfo = {
  id: 'student-t',
  name: 'Student-t (full-rank)',
  description:
    'A tilted ellipse like the full-rank Gaussian, but with heavy tails controlled by ν: small ν puts more ' +
    'mass far out (ν = 1 is Cauchy); large ν approaches the Gaussian. For ν ≤ 2 the variance is infinite ' +
    'and the covariance read-out shows the scale matrix LLᵀ instead (for ν = 1 the mean read-out is the centre).',
  options: [
    {
      name: 'nu',
      label: 'degrees of freedom ν',
      min: 1,
      max: 30,
      step: 0.5,
      default: 5,
      help: 'Tail weight, fixed during a run: 1 is Cauchy, 30 is almost Gaussian.',
    },
  ],
  density: 'anywhere',
  fittedBy: 'objective',
};
