import type { ParamSpec } from '../params';
import { needsDensityAtDraws } from './densityRule';
import type { ObjectiveInfo } from './types';

export const ALPHA_OPTION: ParamSpec = {
  name: 'alpha',
  label: 'Rényi order α',
  min: 0,
  max: 0.99,
  step: 0.01,
  default: 0.5,
  help: 'α → 1 is the ELBO (mode-seeking); α = 0 is IWAE with K = samples per step (more mass-covering).',
};

/**
 * Rényi-α bound (Li & Turner 2016): L_α = (1/(1−α)) log E_q[w^{1−α}] = log Z − D_α(q‖p), which
 * is non-increasing in α, with L₁ = ELBO and L₀ = log Z. Each step maximises the whole batch's
 * estimate (1/(1−α)) log (1/n) Σᵢ wᵢ^{1−α}: biased low by Jensen (at α = 0 it is IWAE-n), and its
 * reparameterised gradient is Σᵢ ŵᵢ ∇log wᵢ with self-normalised ŵ ∝ w^{1−α}.
 *
 * α < 0 (upper bounds, D_α ≤ 0) is left out: there L_α must be minimised, not maximised, and for
 * α just below 0 the log-mean-exp estimator's downward bias dominates its tiny true gradient, so
 * the minimisation would loosen the bound. CUBO (α = −1) covers that side. The loss is in
 * renyi.loss.ts.
 */
export const renyi: ObjectiveInfo = {
  id: 'renyi',
  name: 'Rényi-α',
  description:
    'Maximise the Rényi bound of order α: α → 1 is the ELBO (mode-seeking), smaller α weights high-p̃/q samples more and makes q cover more of p.',
  tex: String.raw`\mathcal{L}_\alpha(q) = \frac{1}{1-\alpha}\log \mathbb{E}_q\Big[\Big(\frac{\tilde p(\theta)}{q(\theta)}\Big)^{1-\alpha}\Big] = \log Z - D_\alpha(q\,\|\,p)`,
  options: [ALPHA_OPTION],
  estimators: ['reparam'],
  unsupported: needsDensityAtDraws,
};
