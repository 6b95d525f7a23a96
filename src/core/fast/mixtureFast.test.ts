import { describe, test } from 'vitest';
import { expectSameMoments } from '../testing/fastMoments';
import { crossCheckFamily, crossCheckTrajectory } from '../testing/fastCrossCheck';
import { tf } from '../tf';
import type { VariationalFamily } from '../families/types';

const PARAMS: Record<string, Record<string, number>> = {
  'correlated-gaussian': { rho: 0.7, sd1: 1.3, sd2: 0.6 },
  banana: { a: 1.7, b: 0.3 },
  'bimodal-1d': { weight: 0.3, separation: 2.5 },
};

/** Unequal weights, shifted centres and unequal scales, so every entry of θ gets its own gradient. */
function perturb(K: number) {
  return (q: VariationalFamily): void =>
    tf.tidy(() => {
      const d = q.dim;
      q.variables[0].assign(tf.tensor1d(Array.from({ length: K }, (_, k) => 0.3 * k - 0.2 * k * k)));
      q.variables[1].assign(tf.add(q.variables[1], tf.tensor2d(Array.from({ length: K * d }, (_, i) => 0.15 * Math.sin(1.7 * i + 0.4)), [K, d])));
      q.variables[2].assign(tf.tensor2d(Array.from({ length: K * d }, (_, i) => -0.3 + 0.2 * Math.cos(2.3 * i)), [K, d]));
    });
}

describe('the mixture fast path computes the tfjs stratified ELBO gradient, draws, log q and trajectory', () => {
  for (const K of [1, 3]) {
    for (const target of Object.keys(PARAMS)) {
      test(`K = ${K} on ${target}`, () => {
        const c = { family: 'mixture', target, targetParams: PARAMS[target], options: { K }, perturb: perturb(K) };
        crossCheckFamily(c);
        crossCheckFamily(c, 256);
        crossCheckTrajectory({ family: 'mixture', target, targetParams: PARAMS[target], options: { K } });
      });
    }
  }
});

test('the mixture fast moments are the tfjs family’s closed form', () => {
  for (const dim of [1, 2]) expectSameMoments('mixture', dim, { K: 3 }, perturb(3));
});
