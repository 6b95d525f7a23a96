import type { VariationalFamily } from '../families/types';
import type { EstimatorId, ObjectiveContext } from '../objectives/types';
import type { TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';

/**
 * An ObjectiveContext for tests that call an objective directly. `grid` defaults to the target's
 * own plot grid (pass one to test forward KL); estimator defaults to reparam.
 */
export function objectiveContext(args: {
  target: TargetSpec;
  params: Readonly<Record<string, number>>;
  family: VariationalFamily;
  eps: Tensor2D;
  estimator?: EstimatorId;
  options?: Readonly<Record<string, number>>;
  grid?: ObjectiveContext['grid'];
}): ObjectiveContext {
  return {
    tf,
    target: args.target,
    params: args.params,
    family: args.family,
    eps: args.eps,
    estimator: args.estimator ?? 'reparam',
    options: args.options ?? {},
    grid: args.grid ?? { points: tf.zeros([1, args.target.dim]) as Tensor2D, pWeights: tf.zeros([1]) },
    state: { baseline: null },
  };
}
