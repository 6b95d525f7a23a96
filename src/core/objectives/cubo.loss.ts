import { cuboFromLogWeights } from '../exact/bounds';
import type { Scalar } from '../tfTypes';
import { importanceDraws, logExpectedPower } from './importanceWeights';
import type { ObjectiveLoss } from './types';

/** CUBO₂'s batch estimate ½ log (1/n) Σᵢ wᵢ², minimised (cubo.ts), and its read-out. */
export const cuboLoss: ObjectiveLoss = {
  bound: (logw) => cuboFromLogWeights(logw),
  loss(ctx) {
    return ctx.tf.mul(logExpectedPower(ctx, importanceDraws(ctx, ctx.eps), 2), 0.5) as Scalar;
  },
};
