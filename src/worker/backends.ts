import '@tensorflow/tfjs-backend-cpu';
import type { Backend, RunConfig } from '../core/config';
import { DivergenceError, Run } from '../core/engine/run';
import { tf } from '../core/tf';
import type { BackendName, BackendTiming } from './protocol';

const CANDIDATES: readonly BackendName[] = ['cpu', 'webgl'];
/** WebGL must beat cpu by this factor to be chosen: timings are noisy and cpu has no context to lose. */
const WEBGL_MARGIN = 1.2;

/** Activate a backend; resolves false (never throws) when it cannot start here. */
export async function activate(name: BackendName): Promise<boolean> {
  if (name === 'webgl') {
    // Loaded on first use (its own chunk): the worker starts on cpu without parsing ~1 MB of WebGL backend.
    try {
      await import('@tensorflow/tfjs-backend-webgl');
    } catch {
      return false;
    }
    // Keep shapes as uniforms so a new batch size does not recompile every shader (docs/architecture.md#backends).
    tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  }
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Time a short run of the actual workload on one backend: warm-up first (on WebGL this compiles
 * the shaders, 1–2 s), then as many steps as fit in `budgetMs`, ending with a read-back so
 * queued GPU work is counted.
 */
export async function timeBackend(name: BackendName, configs: readonly RunConfig[], budgetMs = 300): Promise<BackendTiming> {
  const t0 = performance.now();
  if (!(await activate(name))) {
    return { backend: name, stepsPerSecond: null, warmupMs: performance.now() - t0, error: 'could not start' };
  }
  // All the runs a comparison hosts, stepped in turn as the host steps them: calibrating on the
  // first alone would pick at random when it runs on the plain-JS fast path and the others do not.
  const runs: Run[] = [];
  try {
    for (const config of configs) runs.push(new Run(config));
    for (const run of runs) {
      stepThroughDivergence(run, 3);
      run.snapshot();
    }
    const warmupMs = performance.now() - t0;
    let steps = 0;
    const t1 = performance.now();
    while (performance.now() - t1 < budgetMs || steps < 5) {
      for (const run of runs) {
        stepThroughDivergence(run, 5);
        run.flush();
      }
      steps += 5;
    }
    return { backend: name, stepsPerSecond: steps / ((performance.now() - t1) / 1000), warmupMs };
  } catch (e) {
    return { backend: name, stepsPerSecond: null, warmupMs: performance.now() - t0, error: String(e) };
  } finally {
    for (const run of runs) run.dispose();
  }
}

/** Measure every candidate and activate the fastest (or the one asked for). */
export async function chooseBackend(
  configs: readonly RunConfig[],
  choice: Backend,
): Promise<{ backend: BackendName; calibration: BackendTiming[] }> {
  const wanted = choice === 'auto' ? CANDIDATES : [choice];
  const calibration: BackendTiming[] = [];
  for (const name of wanted) calibration.push(await timeBackend(name, configs));
  const working = calibration.filter((c) => c.stepsPerSecond !== null);
  if (working.length === 0) {
    // The asked-for backend failed: fall back to cpu, which always works.
    if (!wanted.includes('cpu')) calibration.push(await timeBackend('cpu', configs));
    if (!(await activate('cpu'))) throw new Error('no tfjs backend could start, not even cpu');
    return { backend: 'cpu', calibration };
  }
  const rate = (name: BackendName) => calibration.find((c) => c.backend === name)?.stepsPerSecond ?? null;
  const cpu = rate('cpu');
  const webgl = rate('webgl');
  const backend: BackendName = webgl !== null && (cpu === null || webgl > WEBGL_MARGIN * cpu) ? 'webgl' : 'cpu';
  await activate(backend);
  return { backend, calibration };
}

/**
 * Calibration times the backend, not the learning rate: a workload that diverges (SGD at lr 0.5)
 * still measures how fast steps run. The Run sets itself back to finite parameters before it
 * throws, so stepping on is the same work; the page meets the divergence itself once it plays.
 */
function stepThroughDivergence(run: Run, n: number): void {
  try {
    run.run(n);
  } catch (e) {
    if (!(e instanceof DivergenceError)) throw e;
  }
}
