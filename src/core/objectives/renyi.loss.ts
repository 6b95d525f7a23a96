import { renyiFromLogWeights } from '../exact/bounds';
import type { Scalar } from '../tfTypes';
import { importanceDraws, logExpectedPower, optionValue } from './importanceWeights';
import { ALPHA_OPTION } from './renyi';
import type { ObjectiveLoss } from './types';

/** Below this |1 − α| the bound is taken as its α → 1 limit, the ELBO E[log w]. */
const ELBO_LIMIT = 1e-6;

/** The batch's Rényi-α estimate, maximised, and its read-out (renyi.ts; Li & Turner 2016). */
export const renyiLoss: ObjectiveLoss = {
  bound: (logw, options) => renyiFromLogWeights(logw, optionValue({ options }, ALPHA_OPTION)),
  loss(ctx) {
    const { tf } = ctx;
    const oneMinus = 1 - optionValue(ctx, ALPHA_OPTION);
    const draws = importanceDraws(ctx, ctx.eps);
    if (Math.abs(oneMinus) < ELBO_LIMIT) {
      const { logw, logv } = draws;
      return tf.neg(logv ? tf.sum(tf.mul(tf.exp(logv), logw)) : tf.mean(logw)) as Scalar;
    }
    return tf.div(logExpectedPower(ctx, draws, oneMinus), -oneMinus) as Scalar;
  },
};
