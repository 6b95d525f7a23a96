import type { TF } from './tfTypes';

/**
 * The tensor library once it has been loaded. Nothing in core imports tfjs statically except
 * tf.ts, which hands the library over here when it is evaluated: the engine worker imports it on
 * demand (its own chunk, ~1 MB with the cpu backend), so a run on the plain-JS fast path is built
 * and stepped before, or without, tfjs (docs/architecture.md#lazy-tfjs). The CLI, the benchmark
 * and the unit tests import tf.ts up front and never see it missing.
 */
let library: TF | null = null;

/** Called by tf.ts when it is evaluated. */
export function provideTf(tf: TF): void {
  library = tf;
}

/** Whether tfjs has been loaded. */
export function tfLoaded(): boolean {
  return library !== null;
}

/**
 * The tensor library, for code on the tfjs path. Throws when it is not loaded yet: a caller that
 * reaches this on the fast path has a tfjs dependency the lazy loading missed.
 */
export function needTf(): TF {
  if (library === null) throw new Error('tfjs is needed here but has not been loaded yet (the engine loads it on demand)');
  return library;
}
