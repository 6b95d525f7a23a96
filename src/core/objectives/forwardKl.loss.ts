import { elboFromLogWeights } from '../exact/bounds';
import type { Scalar, Tensor1D } from '../tfTypes';
import type { ObjectiveLoss } from './types';

/** Forward KL's loss −Σᵢ wᵢ log q(θᵢ) on the plot grid (forwardKl.ts; docs/math.md#forward-kl). */
export const forwardKlLoss: ObjectiveLoss = {
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
