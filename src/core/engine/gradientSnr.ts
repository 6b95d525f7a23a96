import { needTf } from '../tfRuntime';
import type { Scalar, Variable } from '../tf';

/**
 * Gradient signal-to-noise ratio: for each parameter coordinate, |mean| / sd of the loss
 * gradient across `batches` independent mini-batches; the median over coordinates is returned
 * (Rainforth et al. 2018 use the same per-coordinate ratio to compare estimators).
 */
export function gradientSnr(batches: number, variables: Variable[], makeLoss: () => () => Scalar): number | null {
  const tf = needTf();
  const rows: ArrayLike<number>[] = [];
  for (let b = 0; b < batches; b++) {
    const loss = makeLoss();
    const flat = tf.tidy(() => {
      const { grads } = tf.variableGrads(loss, variables);
      const parts = variables.map((v) => tf.reshape(grads[v.name] ?? tf.zerosLike(v), [-1]));
      return tf.concat(parts).dataSync() as Float32Array;
    });
    rows.push(flat);
  }
  return snrOfRows(rows);
}

/** The same statistic from gradients computed elsewhere (the plain-JS fast path), one flat row per batch. */
export function snrOfRows(rows: readonly ArrayLike<number>[]): number | null {
  const batches = rows.length;
  const n = rows[0]?.length ?? 0;
  const ratios: number[] = [];
  for (let j = 0; j < n; j++) {
    let s = 0;
    let s2 = 0;
    for (const r of rows) {
      s += r[j];
      s2 += r[j] * r[j];
    }
    const mean = s / batches;
    const sd = Math.sqrt(Math.max(0, (s2 - batches * mean * mean) / (batches - 1)));
    // Coordinates whose gradient is identically zero (a masked upper triangle) carry no signal.
    if (sd === 0 && mean === 0) continue;
    ratios.push(sd === 0 ? Number.POSITIVE_INFINITY : Math.abs(mean) / sd);
  }
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}
