/// <reference lib="webworker" />
import { type ContourJob, contourPaths } from './contourPaths';

// The plots' contour worker: turns p's and q's grids into SVG paths off the main thread, where a
// 121 × 121 grid's contours cost a long task on a slow phone (docs/architecture.md#drawing).
// One job in, one result out, matched by id.
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ id: number; job: ContourJob }>) => {
  const { id, job } = event.data;
  self.postMessage({ id, result: contourPaths(job) });
};
