/// <reference lib="webworker" />
import { EngineHost } from './engineHost';
import type { FaultDrill, ToWorker } from './protocol';

// The module Web Worker entry. tfjs lives in this worker and nowhere on the main thread, and even
// here it is a chunk loaded on demand (lazyTfjs.ts): a run on the fast path steps before it arrives.
declare const self: DedicatedWorkerGlobalScope;

const host = new EngineHost((msg, transfer) => self.postMessage(msg, transfer ?? []));

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'drill' && drill(msg.fault)) return;
  host.receive(msg);
};

// A rejected promise nobody handles is a bug the host did not catch: make it an uncaught error,
// which the page sees as the worker's `error` event and answers with a fresh worker.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  setTimeout(() => {
    throw reason instanceof Error ? reason : new Error(String(reason));
  });
});

/**
 * Fault drills for the browser tests (sent only by the page's ?testhooks=1 hooks): each breaks
 * the worker the way a real fault would. Returns false for drills the host handles.
 */
function drill(fault: FaultDrill): boolean {
  switch (fault) {
    case 'throw':
      setTimeout(() => {
        throw new Error('fault drill: an uncaught error in the engine worker');
      });
      return true;
    case 'close':
      self.close();
      return true;
    case 'hang': {
      // Busy forever: no message, ping or time slice is handled again.
      const never = Number.POSITIVE_INFINITY;
      while (performance.now() < never) {
        // spin
      }
      return true;
    }
    case 'lose-webgl':
      return false;
  }
}
