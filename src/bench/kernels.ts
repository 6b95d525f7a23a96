import type { RunConfig } from '../core/config';
import { Run } from '../core/engine/run';
import { tf } from '../core/tf';

/** tfjs kernels one step dispatches, counted by tfjs's profiler, and which ones. */
export interface KernelCount {
  readonly kernels: number;
  /** Kernel name → how many times one step calls it, most called first. */
  readonly byName: readonly (readonly [string, number])[];
}

/**
 * The tfjs kernels one step of a run takes on the tfjs path (`fastPath: false`), whatever its
 * family: on the cpu backend each costs ~15 µs of overhead whatever its size, so this count is
 * what a tfjs step costs (issue 9 wants it halved). One untimed step first, so one-off work
 * (the optimiser's slots, the guard's first flag) is not counted.
 */
export async function kernelsPerStep(config: RunConfig): Promise<KernelCount> {
  const run = new Run(config, { fastPath: false });
  try {
    run.run(1);
    const info = await tf.profile(() => {
      run.run(1);
      return [];
    });
    const counts = new Map<string, number>();
    for (const k of info.kernels) counts.set(k.name, (counts.get(k.name) ?? 0) + 1);
    return { kernels: info.kernels.length, byName: [...counts].sort((a, b) => b[1] - a[1]) };
  } finally {
    run.dispose();
  }
}
