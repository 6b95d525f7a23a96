import type { FamilyInfo } from './types';

/**
 * q(θ) = Πᵢ Laplace(θᵢ; μᵢ, bᵢ) = Πᵢ exp(−|θᵢ − μᵢ|/bᵢ)/(2bᵢ), parameterised by (μ, log b).
 *
 * Reparameterisation by the inverse CDF: with u = Φ(ε), F⁻¹(u) = −sign(u − ½) log(1 − 2|u − ½|)
 * and 1 − 2|Φ(ε) − ½| = erfc(|ε|/√2), so z = μ + b·(−sign ε · log erfc(|ε|/√2)). log erfc is
 * evaluated directly (never 1 − erf), so no ε in the float32 tail maps to an infinite z.
 */
export const laplace: FamilyInfo = {
  id: 'laplace',
  name: 'Laplace (mean-field)',
  description:
    'Independent coordinates, each a sharp-peaked, exponential-tailed Laplace: an axis-aligned diamond. ' +
    'Its tails are heavier than a Gaussian’s and it cannot represent correlation.',
  options: [],
  density: 'anywhere',
  fittedBy: 'objective',
};
