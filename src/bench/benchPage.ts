import type { EngineBench, FromBenchWorker, MeasurePlan, ToBenchWorker } from './types';

/**
 * bench.html (built to dist-bench/pages by vite.benchpage.config.ts, never into the app's dist/):
 * the browser half of `npm run bench`, driven by the bench CLI (src/bench/cli) through
 * window.viBench. Imports no engine code itself: the timings run in the bench worker.
 */

declare global {
  interface Window {
    viBench?: {
      measure(plan: MeasurePlan): Promise<EngineBench>;
    };
  }
}

const log = document.getElementById('log');
function say(text: string): void {
  if (log) log.textContent += `${text}\n`;
  console.log(`[bench] ${text}`);
}

/** One request to a fresh bench worker, resolved by its result. */
function measure(plan: MeasurePlan): Promise<EngineBench> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`bench worker crashed: ${e.message}`));
    };
    worker.onmessage = (e: MessageEvent<FromBenchWorker>) => {
      const m = e.data;
      if (m.type === 'progress') say(m.text);
      else {
        worker.terminate();
        if (m.type === 'error') reject(new Error(m.message));
        else resolve(m.result);
      }
    };
    const msg: ToBenchWorker = { type: 'measure', plan };
    worker.postMessage(msg);
  });
}

window.viBench = { measure };
say('bench page ready');
