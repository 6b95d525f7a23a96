import type { FastPath } from '../fast/fastPath';
import type { VariationalFamily } from '../families/types';
import { needTf } from '../tfRuntime';
import type { Tensor1D } from '../tfTypes';
import { AverageCheck, CHECK_SAMPLES, averageTrails } from './averageCheck';
import { ArrayAverage, TensorAverage } from './averaging';
import { assignFlat, flatten } from './flatParams';

/**
 * A run's iterate average (docs/math.md#iterate-averaging-runconfigaveraging): kept in JS on the
 * fast path and on the device otherwise (averaging.ts), read out by swapping it into q for the
 * length of a read, and checked now and then against the iterate (averageCheck.ts).
 */
export class IterateAverage {
  private readonly array = new ArrayAverage();
  private readonly tensor: TensorAverage | null;
  private readonly check: AverageCheck;

  /** q as the run holds it: exactly one of the two is set. */
  constructor(
    private readonly fast: FastPath | null,
    private readonly family: VariationalFamily | null,
    seed: number,
  ) {
    this.tensor = family ? new TensorAverage(family.variables.reduce((n, v) => n + v.size, 0)) : null;
    this.check = new AverageCheck(seed);
  }

  /** Add the fast path's θ after an update. */
  addValues(values: readonly Float64Array[]): void {
    this.array.add(values);
  }

  /** Add the tfjs path's flat θ after an update (inside the step's tidy). */
  addFlat(flat: Tensor1D): void {
    this.tensor?.add(flat);
  }

  /** The average starts again from the next step. */
  restart(): void {
    this.array.restart();
    this.tensor?.restart();
  }

  /** How many iterates it holds (0: read-outs show the current iterate). */
  get count(): number {
    return this.fast ? this.array.count : (this.tensor?.count ?? 0);
  }

  /** Run `read` with q holding the average (once it has begun), then put the iterate back. */
  at<T>(read: () => T): T {
    if (this.count === 0) return read();
    const fast = this.fast;
    if (fast) {
      const iterate = fast.getValues();
      fast.setValues(this.array.values);
      try {
        return read();
      } finally {
        fast.setValues(iterate);
      }
    }
    const family = this.family as VariationalFamily;
    const iterate = needTf().tidy(() => flatten(family.variables));
    this.tensor?.loadInto(family.variables);
    try {
      return read();
    } finally {
      assignFlat(family.variables, iterate);
      iterate.dispose();
    }
  }

  /**
   * When a check is due: log w at the same draws through the iterate and through the average
   * (`logWeights`, null where q has no log q); an average that trails restarts. True when it did.
   */
  restartIfTrailing(step: number, dim: number, logWeights: (eps: Float32Array, n: number) => Float64Array | null): boolean {
    if (!this.check.due(this.count, step)) return false;
    const eps = this.check.draws(dim);
    const atIterate = logWeights(eps, CHECK_SAMPLES);
    const atAverage = this.at(() => logWeights(eps, CHECK_SAMPLES));
    if (!atIterate || !atAverage || !averageTrails(atIterate, atAverage)) return false;
    this.restart();
    return true;
  }

  dispose(): void {
    this.tensor?.dispose();
  }
}
