import type { EngineClient } from './engineClient';
import { usePlayground } from './store';

export type KillMode = 'throw' | 'close' | 'terminate' | 'hang';

/** Ways for browser tests to break the engine on purpose. */
export interface TestHooks {
  /** throw: an uncaught error in the worker; close: self.close(); terminate: from the page; hang: a busy loop. */
  killWorker(mode: KillMode): void;
  /** Lose the worker's WebGL context (WEBGL_lose_context), as a GPU reset would. */
  loseWebglContext(): void;
  /** Times the worker was replaced so far. */
  restarts(): number;
}

declare global {
  interface Window {
    __viTestHooks?: TestHooks;
  }
}

/**
 * Install the hooks only when the page was opened with `?testhooks=1` (a query parameter: the
 * hash is the validated run config). Nobody opening an ordinary link gets them.
 */
export function installTestHooks(client: EngineClient): void {
  if (new URLSearchParams(window.location.search).get('testhooks') !== '1') return;
  window.__viTestHooks = {
    killWorker: (mode) => client.drill(mode),
    loseWebglContext: () => client.drill('lose-webgl'),
    restarts: () => usePlayground.getState().restarts,
  };
}
