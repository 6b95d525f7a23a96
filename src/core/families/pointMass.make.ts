import type { Scalar, Tensor2D } from '../tfTypes';
import { initialValue } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ] at the starting mean. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [initialValue([dim], init.mean.slice(0, dim))];

/** How pointMass.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const pointMassMaker: FamilyMaker = {
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
