import type { FamilyInfo } from './types';

/**
 * q = δ(θ − μ): maximum a posteriori. Fitting minimises −log p̃(μ) directly (Z does not depend on
 * μ, so the MAP needs no normaliser). A point has no density, so there is no log q, no ELBO and
 * no KL(q‖p): the screen must say so rather than show a number.
 */
export const pointMass: FamilyInfo = {
  id: 'point-mass',
  name: 'Point mass (MAP)',
  description:
    'A single point moved uphill on log p̃ to the mode (maximum a posteriori). It has no density, so it has ' +
    'no ELBO and no KL; it says nothing about uncertainty.',
  options: [],
  density: 'none',
  fittedBy: 'map',
};
