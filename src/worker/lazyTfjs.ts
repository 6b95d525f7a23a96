import type { RunConfig } from '../core/config';
import { takesFastPath } from '../core/fast/fastPath';

/** What the worker gets once tfjs is loaded (tfjsSide.ts). */
export type TfjsSide = typeof import('./tfjsSide');
export type LoadTfjs = () => Promise<TfjsSide>;

/** Its own chunk of the worker: ~1 MB of tfjs-core and the cpu backend, fetched and evaluated on demand. */
const importTfjsSide: LoadTfjs = () => import('./tfjsSide');

/**
 * tfjs, loaded once and on the cpu backend: on demand (a run that steps with tfjs, a backend
 * measurement, WebGL) or in the background once the first frames are out. A failed load (a
 * network error) is tried again at the next call (docs/architecture.md#lazy-tfjs).
 */
export class LazyTfjs {
  private pending: Promise<TfjsSide> | null = null;
  private side: TfjsSide | null = null;

  constructor(private readonly load: LoadTfjs = importTfjsSide) {}

  /** The tfjs side when it has been loaded (null before). */
  get loaded(): TfjsSide | null {
    return this.side;
  }

  get(): Promise<TfjsSide> {
    this.pending ??= this.load().then(
      async (side) => {
        if (!(await side.activate('cpu'))) throw new Error('no tfjs backend could start, not even cpu');
        this.side = side;
        return side;
      },
      (e: unknown) => {
        this.pending = null;
        throw e;
      },
    );
    return this.pending;
  }
}

/**
 * Whether any of these runs steps with tfjs: runs on the plain-JS fast path (fastPath.ts) need
 * no tfjs to start, and cost the same on every backend, so measuring backends for them would
 * only delay the first step.
 */
export function stepsWithTfjs(configs: readonly RunConfig[]): boolean {
  return configs.some((config) => !takesFastPath(config));
}
