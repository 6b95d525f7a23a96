import { needsDensityAtDraws } from './densityRule';
import type { ObjectiveInfo } from './types';

/**
 * χ² upper bound (Dieng et al. 2017): CUBO₂ = ½ log E_q[w²] = log Z + ½ log(1 + χ²(p‖q)) ≥ log Z,
 * minimised. We minimise the batch estimate ½ log (1/n) Σᵢ wᵢ² (the log form). Its gradient is
 * Σᵢ ŵᵢ ∇log wᵢ with ŵ ∝ w², i.e. the gradient of the exp form E[w²] (unbiased) divided by the
 * batch's own mean w²: per batch, the same direction as Dieng et al.'s rescaled exp-form loss,
 * but biased overall through the random normaliser, and the estimate itself is biased low
 * (Jensen), so with few samples it can dip below log Z. The loss is in cubo.loss.ts.
 */
export const cubo: ObjectiveInfo = {
  id: 'cubo',
  name: 'χ² upper bound (CUBO₂)',
  description:
    'Minimise an upper bound on log Z, ½ log E[(p̃/q)²]: it punishes q for missing any part of p, so q becomes wide and mass-covering.',
  tex: String.raw`\mathrm{CUBO}_2(q) = \tfrac{1}{2}\log \mathbb{E}_q\Big[\Big(\frac{\tilde p(\theta)}{q(\theta)}\Big)^{2}\Big] = \log Z + \tfrac12\log\!\big(1 + \chi^2(p\,\|\,q)\big) \ge \log Z`,
  options: [],
  estimators: ['reparam'],
  unsupported: needsDensityAtDraws,
};
