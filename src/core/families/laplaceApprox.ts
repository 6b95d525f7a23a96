import type { FamilyInfo } from './types';

/**
 * The Laplace approximation: μ = the MAP (minimise −log p̃(μ), as the point mass), then
 * q = N(μ, H⁻¹) with H = −∇²log p̃(μ), the curvature at the mode (Bishop, PRML §4.4). It is exact
 * when the target is Gaussian. H is central differences of the exact gradient (tf.grad), not a
 * nested tf.grad: tfjs has no second derivative for some ops targets use (logSumExp's max →
 * Equal), and a failed nested tf.grad leaks the taped tensors of its forward pass. For a
 * Gaussian target the gradient is linear, so the differences are exact up to float32 rounding.
 * Where H is not positive definite (away from a mode, or at a saddle), its eigenvalues are
 * floored, which the description says.
 */
export const laplaceApprox: FamilyInfo = {
  id: 'laplace-approx',
  name: 'Laplace approximation',
  description:
    'Find the mode (MAP), then fit a Gaussian to the curvature there: covariance = inverse Hessian of −log p̃. ' +
    'Exact for Gaussian targets; blind to anything away from the mode. Where the Hessian is not positive ' +
    'definite its eigenvalues are raised to a small floor, so q stays a proper (wide) Gaussian.',
  options: [],
  density: 'anywhere',
  fittedBy: 'map',
};
