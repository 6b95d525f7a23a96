/// <reference lib="webworker" />
import { EngineHost } from './engineHost';
import type { ToWorker } from './protocol';

// The module Web Worker entry: tfjs lives here and nowhere on the main thread.
declare const self: DedicatedWorkerGlobalScope;

const host = new EngineHost((msg, transfer) => self.postMessage(msg, transfer ?? []));
// Messages are handled one after another, so a configure that calibrates finishes before the
// next message (play, update) is looked at.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() => host.handle(event.data));
};
