import type { ContourJob, ContourResult } from './contourPaths';

/** Computes a job's contours somewhere: the contour worker, or here. */
export type ContourRunner = (job: ContourJob) => Promise<ContourResult>;

/**
 * One plot's contours of one kind, newest first: while a job is computing, a newer one waits in
 * its place (an older one waiting is dropped, never drawn), so a plot never queues up stale grids
 * when the worker is slower than the snapshots. Results come back through `onResult`, in order.
 */
export class ContourSlot {
  private busy = false;
  private next: ContourJob | null = null;
  private closed = false;

  constructor(
    private readonly run: ContourRunner,
    private readonly onResult: (result: ContourResult, job: ContourJob) => void,
  ) {}

  submit(job: ContourJob): void {
    if (this.closed) return;
    if (this.busy) this.next = job;
    else this.start(job);
  }

  /** The plot is gone: nothing more is computed or reported. */
  close(): void {
    this.closed = true;
    this.next = null;
  }

  private start(job: ContourJob): void {
    this.busy = true;
    void this.run(job).then(
      (result) => this.finish(result, job),
      () => this.finish(null, job),
    );
  }

  private finish(result: ContourResult | null, job: ContourJob): void {
    this.busy = false;
    if (this.closed) return;
    if (result) this.onResult(result, job);
    const next = this.next;
    this.next = null;
    if (next) this.start(next);
  }
}

/** On this thread: d3-contour then loads only where the contour worker cannot run (not in the page's first JS). */
const pathsHere = (job: ContourJob): Promise<ContourResult> => import('./contourPaths').then((m) => m.contourPaths(job));

let worker: Worker | null = null;
/** Set once the worker failed (or none can start): every job is then computed on this thread. */
let inline = typeof Worker !== 'function';
let nextId = 0;
const waiting = new Map<number, { job: ContourJob; resolve: (r: ContourResult) => void }>();

function contourWorker(): Worker | null {
  if (inline) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./contour.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    inline = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; result: ContourResult }>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    w?.resolve(e.data.result);
  };
  // A worker that cannot load (a strict host's policy) or breaks: draw on this thread from now on.
  worker.onerror = () => {
    inline = true;
    worker?.terminate();
    worker = null;
    for (const w of waiting.values()) void pathsHere(w.job).then(w.resolve);
    waiting.clear();
  };
  return worker;
}

/** The page's runner: the shared contour worker, or this thread where there is none. */
export const runContours: ContourRunner = (job) => {
  const w = contourWorker();
  if (!w) return pathsHere(job);
  const id = ++nextId;
  // A copy of the grid goes (the store keeps its own), moved rather than copied again.
  const grid = job.kind === 'p' ? job.logp.slice() : job.logq.slice();
  const sent: ContourJob = job.kind === 'p' ? { ...job, logp: grid } : { ...job, logq: grid };
  return new Promise((resolve) => {
    waiting.set(id, { job, resolve });
    w.postMessage({ id, job: sent }, [grid.buffer]);
  });
};
