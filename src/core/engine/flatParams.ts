import type { Tensor, Tensor1D, Variable } from '../tf';
import { needTf } from '../tfRuntime';

/**
 * q's variables (or their gradients) as one flat vector, in `variables` order: one concat, with a
 * reshape only for parts that are not already vectors (each is a kernel on the tfjs path, issue 9).
 * Always a new tensor, never a variable itself, so the caller may dispose it.
 */
export function flatten(parts: readonly Tensor[]): Tensor1D {
  const tf = needTf();
  if (parts.length === 1) return tf.reshape(parts[0], [-1]) as Tensor1D;
  return tf.concat(parts.map((p) => (p.rank === 1 ? p : tf.reshape(p, [-1])))) as Tensor1D;
}

/** Put a flat vector from `flatten` back into the variables (one split, reshapes only where needed). */
export function assignFlat(variables: readonly Variable[], flat: Tensor1D): void {
  const tf = needTf();
  tf.tidy(() => {
    const parts = variables.length === 1 ? [flat] : tf.split(flat, variables.map((v) => v.size));
    variables.forEach((v, k) => {
      v.assign(v.rank === 1 ? parts[k] : tf.reshape(parts[k], v.shape));
    });
  });
}
