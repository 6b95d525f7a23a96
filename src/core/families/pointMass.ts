import type { Scalar, Tensor2D } from '../tfTypes';
import { initialValue } from './familyMath';
import type { FamilyInit, FamilySpec, InitialValue, VariationalFamily } from './types';

/** [μ] at the starting mean. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [initialValue([dim], init.mean.slice(0, dim))];

/**
 * q = δ(θ − μ): maximum a posteriori. Fitting minimises −log p̃(μ) directly (Z does not depend on
 * μ, so the MAP needs no normaliser). A point has no density, so there is no log q, no ELBO and
 * no KL(q‖p): the screen must say so rather than show a number.
 */
export const pointMass: FamilySpec = {
  id: 'point-mass',
  name: 'Point mass (MAP)',
  description:
    'A single point moved uphill on log p̃ to the mode (maximum a posteriori). It has no density, so it has ' +
    'no ELBO and no KL; it says nothing about uncertainty.',
  options: [],
  density: 'none',
  fittedBy: 'map',
  initialValues,
  create(tf, dim, init): VariationalFamily {
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(initialValues(dim, init)[0].values)));
    // every row of the batch is the point itself
    const sample = (eps: Tensor2D) => tf.mul(tf.reshape(mu, [1, dim]), tf.ones([eps.shape[0], 1])) as Tensor2D;
    return {
      dim,
      variables: [mu],
      density: 'none',
      sample,
      draw: (eps) => ({ z: sample(eps), logQ: null, weights: null }),
      entropy: () => null,
      moments: () => ({ mean: Array.from(mu.dataSync()), cov: Array.from({ length: dim }, () => new Array<number>(dim).fill(0)) }),
      params: () => ({ mu: Array.from(mu.dataSync()) }),
      // −log p̃(μ): the MAP objective
      ownLoss: (ctx) => ctx.tf.neg(ctx.tf.sum(ctx.target.logDensity(ctx.tf, ctx.tf.reshape(mu, [1, dim]) as Tensor2D, ctx.params))) as Scalar,
      dispose() {
        mu.dispose();
      },
    };
  },
};
