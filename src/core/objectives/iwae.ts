import type { ParamSpec } from '../params';
import { needsDensityAtDraws } from './densityRule';
import type { ObjectiveInfo } from './types';

export const K_OPTION: ParamSpec = {
  name: 'K',
  label: 'importance samples K',
  min: 1,
  max: 64,
  step: 1,
  default: 5,
  integer: true,
  help: 'K = 1 is the ELBO; larger K gives a tighter bound on log Z (Burda et al. 2016).',
};

/**
 * IWAE-K (Burda et al. 2016): maximise E[log (1/K) Σₖ wₖ], wₖ = p̃(zₖ)/q(zₖ), zₖ ~ q iid.
 * ELBO = IWAE-1 ≤ IWAE-K ≤ log Z. The loss (with its grouping of draws, the stratified SIWAE
 * bound for mixtures and the DReG gradient) is in iwae.loss.ts.
 */
export const iwae: ObjectiveInfo = {
  id: 'iwae',
  name: 'IWAE-K',
  description:
    'Maximise the importance-weighted bound: the log of an average of K weights p̃/q, tighter than the ELBO as K grows and equal to log Z when K → ∞.',
  tex: String.raw`\mathrm{IWAE}_K(q) = \mathbb{E}_{z_{1:K}\sim q}\Big[\log \frac{1}{K}\sum_{k=1}^{K} \frac{\tilde p(z_k)}{q(z_k)}\Big] \le \log Z`,
  options: [K_OPTION],
  estimators: ['reparam', 'stl'],
  unsupported: needsDensityAtDraws,
};
