import { NormalStream } from '../random';

/**
 * Does the iterate average still describe a q at least as good as the iterate?
 *
 * Polyak–Ruppert averaging (averaging.ts) assumes the iterates jitter around ONE optimum, where
 * the average of the parameters is a better q than any iterate. A flow's parameters need not:
 * a deep planar flow drifts along directions that leave q almost unchanged, and its layer map
 * û(u, w) is not linear in (u, w), so the average of good parameters can be a poor q (u1, 32
 * planar layers, 12,000 steps: KL 0.02 at the iterate, 0.88 at the average). The run then
 * compares the two now and then on the same draws (common random numbers, so the difference is
 * measured far more precisely than either ELBO) and, when the average's ELBO is the lower one by
 * more than its noise, restarts the average from the iterate: the read-outs never show a q worse
 * than the one being trained. See docs/math.md#iterate-averaging-runconfigaveraging.
 */
export const CHECK_SAMPLES = 512;
/** The average is not checked before it holds this many iterates (it is the iterate's neighbour before). */
export const CHECK_MIN_ITERATES = 200;
/** Trailing by less than this is not worth a restart, however precisely measured (nats). */
export const CHECK_MARGIN = 0.01;

export class AverageCheck {
  private readonly noise: NormalStream;
  private lastStep = 0;

  constructor(seed: number) {
    this.noise = new NormalStream(seed ^ 0x5bd1e995);
  }

  /** Due about once per quarter of the average's span (it forgets faster than that), at least 200 steps apart. */
  due(iterates: number, step: number): boolean {
    if (iterates < CHECK_MIN_ITERATES || step - this.lastStep < Math.max(CHECK_MIN_ITERATES, iterates / 4)) return false;
    this.lastStep = step;
    return true;
  }

  /** The standard normal draws both q's are evaluated at, [CHECK_SAMPLES · dim]. */
  draws(dim: number): Float32Array {
    return this.noise.fill(new Float32Array(CHECK_SAMPLES * dim));
  }
}

/**
 * Whether the average trails: log w = log p̃ − log q at the same base draws, once through the
 * iterate and once through the average. The ELBO difference is the mean of the paired
 * differences; it counts when above CHECK_MARGIN and three of its standard errors. A draw where
 * only the average's log w is not finite (its q puts mass where p has none) counts against it.
 */
export function averageTrails(atIterate: Float64Array, atAverage: Float64Array): boolean {
  const diffs: number[] = [];
  for (let i = 0; i < atIterate.length; i++) {
    const a = atIterate[i];
    const b = atAverage[i];
    if (Number.isFinite(a) && !Number.isFinite(b)) return true;
    if (Number.isFinite(a) && Number.isFinite(b)) diffs.push(a - b);
  }
  const n = diffs.length;
  if (n < 2) return false;
  const mean = diffs.reduce((s, d) => s + d, 0) / n;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1);
  return mean > CHECK_MARGIN && mean > 3 * Math.sqrt(variance / n);
}
