import type { FamilyInfo } from './types';

/** q(θ) = Πᵢ N(θᵢ; μᵢ, σᵢ²), parameterised by (μ, log σ) so σ stays positive without constraints. */
export const meanFieldGaussian: FamilyInfo = {
  id: 'mean-field',
  name: 'Mean-field Gaussian',
  description: 'Independent coordinates: an axis-aligned ellipse. It cannot represent correlation.',
  options: [],
  density: 'anywhere',
  fittedBy: 'objective',
};
