import { needTf } from '../tfRuntime';
import type { Tensor1D, Variable } from '../tf';

/** q's variables as one flat vector, in `variables` order (a few reshapes and one concat). */
export function flatten(variables: readonly Variable[]): Tensor1D {
  const tf = needTf();
  return tf.concat(variables.map((v) => tf.reshape(v, [-1]))) as Tensor1D;
}

/** Put a flat vector from `flatten` back into the variables. */
export function assignFlat(variables: readonly Variable[], flat: Tensor1D): void {
  const tf = needTf();
  tf.tidy(() => {
    const parts = tf.split(flat, variables.map((v) => v.size));
    variables.forEach((v, k) => {
      v.assign(tf.reshape(parts[k], v.shape));
    });
  });
}
