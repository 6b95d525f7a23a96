import type { Scalar } from '../tfTypes';
import type { ObjectiveSpec } from './types';

/**
 * Reverse KL: maximise ELBO(q) = E_q[log p̃(θ) − log q(θ)] (REFERENCE.md), so the loss is −ELBO.
 * With the reparameterisation θ = T_φ(ε) the gradient flows through the samples. Where the
 * family's entropy is analytic it replaces the Monte Carlo −E[log q] term (less variance).
 */
export const reverseKl: ObjectiveSpec = {
  id: 'reverse-kl',
  name: 'Reverse KL (ELBO)',
  description: 'Maximise the ELBO: the gap to log Z is exactly KL(q‖p). Mode-seeking.',
  loss({ tf, target, params, family, eps }) {
    const z = family.sample(eps);
    const logp = target.logDensity(tf, z, params);
    const entropy = family.entropy();
    const elbo = entropy ? tf.add(tf.mean(logp), entropy) : tf.mean(tf.sub(logp, family.logQ(z)));
    return tf.neg(elbo) as Scalar;
  },
};
