import { describe, test } from 'vitest';
import { expectSameMoments } from '../testing/fastMoments';
import type { VariationalFamily } from '../families/types';
import { crossCheckFamily, crossCheckTrajectory } from '../testing/fastCrossCheck';
import { tf } from '../tf';

const PARAMS: Record<string, Record<string, number>> = {
  'correlated-gaussian': { rho: 0.7, sd1: 1.3, sd2: 0.6 },
  banana: { a: 1.7, b: 0.3 },
  'bimodal-1d': { weight: 0.3, separation: 2.5 },
};

/** Off the symmetric start: unequal scales (and a tilt for the Student-t) so every entry of θ matters. */
function perturbStudentT(q: VariationalFamily): void {
  tf.tidy(() => {
    const two = q.dim === 2;
    q.variables[0].assign(tf.tensor1d(two ? [0.4, -0.7] : [0.4]));
    if (two) q.variables[1].assign(tf.tensor2d([0, 0, 0.35, 0], [2, 2]));
    q.variables[2].assign(tf.tensor1d(two ? [-0.1, -0.4] : [-0.3]));
  });
}

function perturbLaplace(q: VariationalFamily): void {
  tf.tidy(() => {
    const two = q.dim === 2;
    q.variables[0].assign(tf.tensor1d(two ? [0.4, -0.7] : [0.4]));
    q.variables[1].assign(tf.tensor1d(two ? [-0.2, -0.6] : [-0.4]));
  });
}

describe('the Student-t fast path computes the tfjs ELBO gradient, draws, log q and trajectory', () => {
  for (const nu of [5, 1.5]) {
    for (const target of Object.keys(PARAMS)) {
      test(`ν = ${nu} on ${target}`, () => {
        const base = { family: 'student-t', target, targetParams: PARAMS[target], options: { nu } };
        crossCheckFamily({ ...base, perturb: perturbStudentT });
        crossCheckTrajectory(base);
      });
    }
  }
});

describe('the Laplace fast path computes the tfjs ELBO gradient, draws, log q and trajectory', () => {
  for (const target of Object.keys(PARAMS)) {
    test(target, () => {
      const base = { family: 'laplace', target, targetParams: PARAMS[target] };
      crossCheckFamily({ ...base, perturb: perturbLaplace });
      crossCheckTrajectory(base);
    });
  }
});

test('the fast moments are the tfjs families’ closed forms', () => {
  for (const dim of [1, 2]) {
    expectSameMoments('student-t', dim, { nu: 5 }, perturbStudentT);
    expectSameMoments('student-t', dim, { nu: 1.5 }, perturbStudentT);
    expectSameMoments('laplace', dim, {}, perturbLaplace);
  }
});
