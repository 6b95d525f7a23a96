/// <reference lib="webworker" />
import { tf } from '../core/tf';
import { activate } from '../worker/backends';
import { appLoopTiming } from './appLoop';
import { ceilingsOf, measureWorkloads } from './measure';
import type { BackendResult, EngineBench, FromBenchWorker, MeasurePlan, ToBenchWorker } from './types';

// The bench worker: the same core Run and backend activation as the app's engine worker, timed
// directly (raw) and through the app's EngineHost (app loop), with the bare fast loops (ceilings)
// timed beside their families.
declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromBenchWorker) => self.postMessage(msg);

async function measure(plan: MeasurePlan): Promise<EngineBench> {
  const backends: BackendResult[] = [];
  for (const b of plan.backends) {
    const t0 = performance.now();
    post({ type: 'progress', text: `worker: starting ${b.backend}` });
    if (!(await activate(b.backend))) {
      backends.push({ where: 'worker', backend: b.backend, available: false, error: 'could not start', workloads: [], ms: 0 });
      continue;
    }
    try {
      const workloads = await measureWorkloads(
        b.backend,
        b.rawMs,
        { loop: appLoopTiming, ms: b.appMs },
        (text) => post({ type: 'progress', text: `worker ${text}` }),
        plan.ceilingMs,
      );
      backends.push({ where: 'worker', backend: b.backend, available: true, workloads, ms: performance.now() - t0 });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      backends.push({ where: 'worker', backend: b.backend, available: true, error, workloads: [], ms: performance.now() - t0 });
    }
  }
  return { where: 'worker', userAgent: navigator.userAgent, backends, ceilings: backends.flatMap((b) => ceilingsOf(b.workloads)) };
}

self.onmessage = async (event: MessageEvent<ToBenchWorker>) => {
  try {
    post({ type: 'measured', result: await measure(event.data.plan) });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? `${e.message} (tf backend ${tf.getBackend()})` : String(e) });
  }
};
