import { elboFromLogWeights } from '../exact/bounds';
import type { Scalar, Tensor1D } from '../tfTypes';
import type { ObjectiveSpec } from './types';

/**
 * Forward KL (docs/math.md#forward-kl): minimise KL(p‖q) = E_p[log p − log q]. Only −E_p[log q]
 * depends on q, and in 1D/2D E_p is a quadrature on the plot grid with p's normalised weights
 * wᵢ = p(θᵢ)ΔAᵢ: loss = −Σᵢ wᵢ log q(θᵢ), the cross-entropy H(p, q) = KL(p‖q) + H(p). Its gradient
 * is exact up to the quadrature: no sampling from q, no importance weights, so ε and the estimator
 * are unused.
 */
export const forwardKl: ObjectiveSpec = {
  id: 'forward-kl',
  name: 'Forward KL',
  description:
    'Minimise KL(p‖q), computed exactly on the plot grid (no sampling, so the gradient is exact and the estimator has no effect): q spreads to cover all of p. It bounds nothing, so the read-out shows the ELBO.',
  tex: String.raw`\mathrm{KL}(p\,\|\,q) = \mathbb{E}_p[\log p(\theta) - \log q(\theta)] = -\textstyle\sum_i w_i \log q(\theta_i) - H(p),\quad w_i = p(\theta_i)\,\Delta A_i`,
  options: [],
  estimators: ['reparam'],
  unsupported: (family) =>
    family.density !== 'anywhere' && family.fittedBy === 'objective'
      ? `forward KL needs log q at every grid point, and ${family.name} ${family.density === 'samples' ? 'knows log q only at its own samples' : 'has no density'}`
      : null,
  // KL(p‖q) gives no bound on log Z; the ELBO E_q[log w] is shown instead, so runs under
  // different objectives can still be compared on one scale.
  bound: (logw) => elboFromLogWeights(logw).value,
  loss(ctx) {
    const { tf, family, grid } = ctx;
    if (!family.logQ) throw new Error('forward KL needs a family whose density can be evaluated anywhere');
    if (grid.points.shape[0] !== grid.pWeights.shape[0]) {
      throw new Error(`forward KL: ${grid.points.shape[0]} grid points but ${grid.pWeights.shape[0]} weights`);
    }
    const w = grid.pWeights;
    // Where p has no mass, drop the term rather than form 0·log q (NaN if log q = −∞ there).
    const terms = tf.where(tf.greater(w, 0), tf.mul(w, family.logQ(grid.points)), tf.zerosLike(w)) as Tensor1D;
    return tf.neg(tf.sum(terms)) as Scalar;
  },
};
