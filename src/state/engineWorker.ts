/**
 * The engine worker, spawned as early as the page can: the entry (main.ts) spawns it before it
 * loads the page's own chunk, so the worker fetches and boots tfjs on its own thread while that
 * chunk is parsed and React renders (docs/architecture.md#backends). The first EngineClient
 * adopts it; later ones (a restart after a fault) spawn their own.
 */
let early: Worker | null = null;

export function spawnEngineWorker(): Worker {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
}

/** Spawn the worker now, for the client to adopt later. */
export function spawnEarly(): void {
  early ??= spawnEngineWorker();
}

/** The early worker, once (null when there was none, or it was taken). */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  return w;
}
