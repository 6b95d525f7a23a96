import type { FamilyInfo } from './types';

/**
 * q(θ) = N(θ; μ, LLᵀ) with L lower-triangular, positive diagonal through exp (Stan's ADVI
 * full-rank parameterisation). Sampling is z = μ + Lε.
 */
export const fullRankGaussian: FamilyInfo = {
  id: 'full-rank',
  name: 'Full-rank Gaussian',
  description: 'A Gaussian with any covariance: an ellipse that can tilt. Exact when the target is Gaussian.',
  options: [],
  density: 'anywhere',
  fittedBy: 'objective',
};
