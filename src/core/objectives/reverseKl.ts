import type { ObjectiveInfo } from './types';

/**
 * Reverse KL: maximise ELBO(q) = E_q[log p̃(θ) − log q(θ)] (docs/math.md#reverse-kl-elbo), so the
 * loss is −ELBO. Where the family's entropy is analytic it replaces the Monte Carlo −E[log q] term.
 * The loss and the read-out bound are in reverseKl.loss.ts.
 */
export const reverseKl: ObjectiveInfo = {
  id: 'reverse-kl',
  name: 'Reverse KL (ELBO)',
  description: 'Maximise the ELBO: the gap to log Z is exactly KL(q‖p). Mode-seeking.',
  tex: String.raw`\mathrm{ELBO}(q) = \mathbb{E}_q[\log \tilde p(\theta) - \log q(\theta)] = \log Z - \mathrm{KL}(q\,\|\,p)`,
  options: [],
  estimators: ['reparam', 'score', 'score-plain', 'stl'],
  unsupported: (family) => (family.density === 'none' && family.fittedBy === 'objective' ? `${family.name} has no density, so it has no ELBO` : null),
};
