import { elboFromLogWeights } from '../exact/bounds';
import type { Scalar } from '../tfTypes';
import { elboSurrogate } from './expectation';
import type { ObjectiveLoss } from './types';

/** Reverse KL's loss −ELBO (reverseKl.ts; docs/math.md#reverse-kl-elbo) and its read-out, the ELBO. */
export const reverseKlLoss: ObjectiveLoss = {
  bound: (logw) => elboFromLogWeights(logw).value,
  loss(ctx) {
    return ctx.tf.neg(elboSurrogate(ctx).surrogate) as Scalar;
  },
};
