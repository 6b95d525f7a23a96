import type { Tensor, TF } from './tfTypes';

/**
 * stop_gradient, which tfjs lacks: the identity forward, a zero gradient backward. Used by the
 * score-function and "sticking the landing" estimators (Roeder et al. 2017).
 */
export function stopGradient<T extends Tensor>(tf: TF, x: T): T {
  const f = tf.customGrad((...args) => {
    const input = args[0] as Tensor;
    return { value: tf.clone(input), gradFunc: (dy: Tensor) => tf.zerosLike(dy) };
  });
  return f(x) as T;
}

/**
 * f(x) for a value that does not depend on the parameters (a function of the noise only), with
 * autodiff's tape off: ops inside a custom-gradient op are not recorded, so autodiff keeps no
 * copies of their inputs (one Identity kernel each, issue 9). The gradient is zero, as for
 * stopGradient(f(x)).
 */
export function constantOf<T extends Tensor>(tf: TF, x: Tensor, f: (x: Tensor) => T): T {
  const g = tf.customGrad((...args) => {
    const input = args[0] as Tensor;
    return { value: f(input), gradFunc: () => tf.zerosLike(input) };
  });
  return g(x) as T;
}
