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
