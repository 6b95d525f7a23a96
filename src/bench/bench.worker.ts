/// <reference lib="webworker" />
import { tf } from '../core/tf';
import { activate } from '../worker/backends';
import { appLoopTiming } from './appLoop';
import { measureCeiling, measureWorkloads } from './measure';
import type { BackendResult, EngineBench, FromBenchWorker, MeasurePlan, ToBenchWorker } from './types';
import { catalogue, fourRunSession } from './workloads';

// The bench worker: the same core Run and backend activation as the app's engine worker, timed
// directly (raw) and through the app's EngineHost (app loop), plus the plain-JS ceiling.
declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromBenchWorker) => self.postMessage(msg);

async function measure(plan: MeasurePlan): Promise<EngineBench> {
  // The ceiling first, while the worker is fresh (no tfjs state, nothing left to collect).
  post({ type: 'progress', text: 'worker: plain-JS ceiling' });
  const ceiling = measureCeiling(plan.ceilingSamples, plan.ceilingMs);
  const backends: BackendResult[] = [];
  for (const b of plan.backends) {
    const t0 = performance.now();
    post({ type: 'progress', text: `worker: starting ${b.backend}` });
    if (!(await activate(b.backend))) {
      backends.push({ where: 'worker', backend: b.backend, available: false, error: 'could not start', workloads: [], ms: 0 });
      continue;
    }
    try {
      const workloads = await measureWorkloads(b.backend, b.rawMs, { loop: appLoopTiming, ms: b.appMs }, (text) =>
        post({ type: 'progress', text: `worker ${text}` }),
      );
      backends.push({ where: 'worker', backend: b.backend, available: true, workloads, ms: performance.now() - t0 });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      backends.push({ where: 'worker', backend: b.backend, available: true, error, workloads: [], ms: performance.now() - t0 });
    }
  }
  return { where: 'worker', userAgent: navigator.userAgent, backends, ceiling };
}

self.onmessage = async (event: MessageEvent<ToBenchWorker>) => {
  const msg = event.data;
  try {
    switch (msg.type) {
      case 'catalogue':
        post({ type: 'catalogue', targets: catalogue() });
        break;
      case 'fourRunSession': {
        const { session, note } = fourRunSession('auto');
        post({ type: 'fourRunSession', session, note });
        break;
      }
      case 'measure':
        post({ type: 'measured', result: await measure(msg.plan) });
        break;
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? `${e.message} (tf backend ${tf.getBackend()})` : String(e) });
  }
};
