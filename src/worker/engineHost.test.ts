import { expect, test } from 'vitest';
import { type RunConfig, defaultConfig } from '../core/config';
import { sessionOf } from '../core/session';
import { EngineHost } from './engineHost';
import type { FromWorker } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

/**
 * Drives the host as the worker does, transferring buffers as postMessage would (structuredClone
 * with transfer detaches them), so a buffer that is still in use by tfjs fails here too.
 */
/** A session of these runs on the cpu backend. */
const onCpu = (configs: RunConfig[]) => sessionOf(configs, { speed: 2000, backend: 'cpu' });

function host() {
  const received: FromWorker[] = [];
  const h = new EngineHost((msg, transfer) => received.push(structuredClone(msg, { transfer: transfer ?? [] })));
  return { h, received };
}

test('particles survive their snapshots being transferred (SVGD on the cpu backend)', async () => {
  const { h, received } = host();
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([{ ...defaultConfig('banana', 'svgd') }]) });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 3 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 3 });
  expect(received.filter((m) => m.type === 'error')).toEqual([]);
  const last = received.filter((m) => m.type === 'snapshot').at(-1);
  expect(last?.type === 'snapshot' && last.snapshot.step).toBe(6);
  expect(last?.type === 'snapshot' && last.snapshot.mean.every(Number.isFinite)).toBe(true);
});

test('hosts up to four runs and names each snapshot’s run', async () => {
  const { h, received } = host();
  const configs = ['mean-field', 'full-rank', 'mixture', 'planar-flow'].map((f) => ({ ...defaultConfig('banana', f) }));
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu(configs) });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 2 });
  const runs = new Set(received.flatMap((m) => (m.type === 'snapshot' ? [m.run] : [])));
  expect([...runs].sort()).toEqual([0, 1, 2, 3]);
  const tooMany = host();
  await tooMany.h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([...configs, configs[0]]) });
  expect(tooMany.received.some((m) => m.type === 'error' && /1 to 4 runs/.test(m.message))).toBe(true);
});

async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a configure with restore carries each run on from its state (a respawned worker)', async () => {
  const config = { ...defaultConfig('banana', 'full-rank') };
  const first = host();
  await first.h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([config]), epoch: 1 });
  await first.h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 40 });
  const last = first.received.filter((m) => m.type === 'snapshot').at(-1);
  if (last?.type !== 'snapshot') throw new Error('no snapshot');
  expect(last.epoch).toBe(1);
  expect(last.state.step).toBe(40);
  const second = host();
  await second.h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([config]), epoch: 2, restore: [last.state] });
  const restored = second.received.find((m) => m.type === 'snapshot');
  expect(restored?.type === 'snapshot' && restored.snapshot.step).toBe(40);
  // The same q to float32 precision: the state travels as float32, the fast path steps in float64.
  const restoredMean = restored?.type === 'snapshot' ? restored.snapshot.mean : [];
  for (let i = 0; i < restoredMean.length; i++) expect(restoredMean[i]).toBeCloseTo(last.snapshot.mean[i], 5);
  expect(restoredMean.length).toBe(last.snapshot.mean.length);
  // A state that does not fit the family is dropped: the run starts afresh instead of failing.
  const third = host();
  const other = { ...defaultConfig('banana', 'mean-field') };
  await third.h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([other]), epoch: 3, restore: [{ step: 5, variables: [new Float32Array(1)] }] });
  expect(third.received.filter((m) => m.type === 'error')).toEqual([]);
  expect(third.received.find((m) => m.type === 'snapshot')?.type === 'snapshot').toBe(true);
});

test('a run that diverges is halted alone, at finite parameters, and Resume carries it on', async () => {
  const { h, received } = host();
  const base = defaultConfig('correlated-gaussian', 'full-rank');
  const wild = { ...base, target: { ...base.target, params: { ...base.target.params, rho: 0.99 } }, optimizer: 'sgd' as const, lr: 0.5 };
  const calm = { ...defaultConfig('correlated-gaussian', 'full-rank') };
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([wild, calm]), epoch: 1 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'play' });
  await until(() => received.some((m) => m.type === 'error'));
  const error = received.find((m) => m.type === 'error');
  expect(error?.type === 'error' && error.message).toMatch(/diverged/);
  expect(error?.type === 'error' && [error.kind, error.run]).toEqual(['diverged', 0]);
  expect(error?.type === 'error' && error.step).toBeGreaterThan(0);
  const wildSnaps = () => received.filter((m) => m.type === 'snapshot' && m.run === 0);
  const settled = wildSnaps().at(-1);
  expect(settled?.type === 'snapshot' && settled.halted && settled.snapshot.mean.every(Number.isFinite)).toBe(true);
  // The other run was not halted and keeps stepping past the divergence.
  const divergedAt = error?.type === 'error' ? (error.step ?? 0) : 0;
  await until(() => received.some((m) => m.type === 'snapshot' && m.run === 1 && !m.halted && m.snapshot.step > divergedAt + 20));
  expect(received.filter((m) => m.type === 'status').at(-1)).toMatchObject({ playing: true });
  // Lower the step size and resume: it carries on from where it was set back to.
  await h.handle({ v: PROTOCOL_VERSION, type: 'update', session: onCpu([{ ...wild, lr: 0.001 }, calm]) });
  await h.handle({ v: PROTOCOL_VERSION, type: 'pause' });
  const before = settled?.type === 'snapshot' ? settled.snapshot.step : -1;
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 5 });
  const after = wildSnaps().at(-1);
  expect(after?.type === 'snapshot' && after.snapshot.step).toBe(before + 5);
  expect(after?.type === 'snapshot' && after.snapshot.mean.every(Number.isFinite)).toBe(true);
});

test('a new session rebuilds only the runs that changed: removed ones go, kept ones step on', async () => {
  const { h, received } = host();
  const configs = ['mean-field', 'full-rank', 'mixture'].map((f) => defaultConfig('banana', f));
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu(configs), epoch: 1 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 10 });
  // Remove the middle run, change the learning rate of the last (live), add a new one.
  const next = [configs[0], { ...configs[2], lr: 0.01 }, defaultConfig('banana', 'laplace')];
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu(next), epoch: 2, keep: [0, 2, null] });
  const after = received.filter((m) => m.type === 'snapshot' && m.epoch === 2);
  const stepOf = (run: number) => after.flatMap((m) => (m.type === 'snapshot' && m.run === run ? [m.snapshot.step] : []))[0];
  expect([stepOf(0), stepOf(1), stepOf(2)]).toEqual([10, 10, 0]);
  // The fields sent after the new session are those of the rebuilt run only.
  const fieldsAfter = received.slice(received.findIndex((m) => m.type === 'snapshot' && m.epoch === 2) - 1).filter((m) => m.type === 'field');
  expect(fieldsAfter.map((m) => (m.type === 'field' ? m.run : -1))).toEqual([2]);
});

test('measuring the backends again for a new family keeps the other runs where they were', async () => {
  const { h, received } = host();
  const configs = ['mean-field', 'full-rank'].map((f) => defaultConfig('banana', f));
  const auto = (c: RunConfig[]) => sessionOf(c, { speed: 2000, backend: 'auto' });
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: auto(configs), epoch: 1 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 10 });
  // Another family in run 2 is another workload: the backends are measured again.
  const before = received.filter((m) => m.type === 'calibrating').length;
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: auto([configs[0], defaultConfig('banana', 'laplace')]), epoch: 2 });
  expect(received.filter((m) => m.type === 'calibrating').length).toBe(before + 1);
  const first = (run: number) => received.find((m) => m.type === 'snapshot' && m.epoch === 2 && m.run === run);
  const stepOf = (run: number) => {
    const m = first(run);
    return m?.type === 'snapshot' ? m.snapshot.step : -1;
  };
  expect([stepOf(0), stepOf(1)]).toEqual([10, 0]);
});

test('backend=auto starts on cpu at once; a run that steps with tfjs has the backends measured in the background, without losing its steps', async () => {
  const { h, received } = host();
  const fast = defaultConfig('banana', 'mean-field');
  const tfjs = { ...defaultConfig('banana', 'full-rank'), estimator: 'stl' as const };
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: sessionOf([fast, tfjs], { speed: 2000, backend: 'auto' }), epoch: 1 });
  const firstReady = received.find((m) => m.type === 'ready');
  // Nothing measured before the first step: cpu needs no shaders.
  expect(firstReady?.type === 'ready' && firstReady.backend).toBe('cpu');
  expect(firstReady?.type === 'ready' && firstReady.calibration).toEqual([]);
  await h.handle({ v: PROTOCOL_VERSION, type: 'play' });
  const measured = await new Promise<FromWorker>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const m = received.find((x) => x.type === 'ready' && x.calibration.length > 0);
      if (m) {
        clearInterval(poll);
        resolve(m);
      } else if (Date.now() - started > 60_000) {
        clearInterval(poll);
        reject(new Error('no background measurement'));
      }
    }, 50);
  });
  await h.handle({ v: PROTOCOL_VERSION, type: 'pause' });
  expect(received.some((m) => m.type === 'calibrating' && m.background === true)).toBe(true);
  // No WebGL in Node: cpu stays, and the runs were not rebuilt (their steps go on from where they were).
  expect(measured.type === 'ready' && measured.backend).toBe('cpu');
  const steps = received.flatMap((m) => (m.type === 'snapshot' && m.run === 1 ? [m.snapshot.step] : []));
  for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]);
  expect(received.filter((m) => m.type === 'error')).toEqual([]);
});

test('runs that all step in plain JS never measure backends', async () => {
  const { h, received } = host();
  const configs = ['mean-field', 'mixture', 'planar-flow'].map((f) => defaultConfig('banana', f));
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: sessionOf(configs, { speed: 2000, backend: 'auto' }) });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 5 });
  expect(received.filter((m) => m.type === 'ready').map((m) => (m.type === 'ready' ? m.calibration.length : -1))).toEqual([0]);
});

test('configure with Play right behind it: the warm-up leaves the gradient SNR to the next refresh, and the first frame after Play has steps', async () => {
  const { h, received } = host();
  const session = onCpu([{ ...defaultConfig('banana', 'planar-flow') }]);
  // As the worker receives them: both arrive before the configure is done (autoplay=1).
  h.receive({ v: PROTOCOL_VERSION, type: 'configure', session });
  h.receive({ v: PROTOCOL_VERSION, type: 'play' });
  await until(() => received.some((m) => m.type === 'snapshot' && m.snapshot.step > 0));
  const snapshots = received.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
  expect(snapshots[0].step).toBe(0);
  expect(snapshots[0].gradSnrStep).toBe(-1);
  expect(snapshots[0].gradSnr).toBeNull();
  // The next snapshot already has steps (the pacer's first slice steps at once).
  expect(snapshots[1].step).toBeGreaterThan(0);
  h.receive({ v: PROTOCOL_VERSION, type: 'pause' });
  await until(() => received.some((m) => m.type === 'status' && !m.playing));
  // Paused, every read-out is fresh: the SNR is measured now.
  await until(() => received.some((m) => m.type === 'snapshot' && m.snapshot.gradSnrStep >= 0));
  const last = received.filter((m) => m.type === 'snapshot').at(-1);
  expect(last?.type === 'snapshot' && Number.isFinite(last.snapshot.gradSnr)).toBe(true);
});

test('configure alone (no Play): the step-0 read-outs include the gradient SNR', async () => {
  const { h, received } = host();
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu([{ ...defaultConfig('banana', 'planar-flow') }]) });
  const first = received.find((m) => m.type === 'snapshot');
  expect(first?.type === 'snapshot' && first.snapshot.gradSnrStep).toBe(0);
  expect(first?.type === 'snapshot' && Number.isFinite(first.snapshot.gradSnr)).toBe(true);
});

test('pause: the last snapshots come before the stopped status, and nothing steps after it', async () => {
  const { h, received } = host();
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', session: onCpu(['mean-field', 'full-rank'].map((f) => defaultConfig('banana', f))), epoch: 1 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'play' });
  await until(() => received.some((m) => m.type === 'snapshot' && m.snapshot.step > 20));
  await h.handle({ v: PROTOCOL_VERSION, type: 'pause' });
  const stopped = received.findLastIndex((m) => m.type === 'status' && !m.playing);
  // The stopped status is the engine's last word, and the snapshots just before it carry every run's final step.
  expect(stopped).toBe(received.length - 1);
  const last = received.slice(0, stopped).filter((m) => m.type === 'snapshot').slice(-2);
  const steps = last.map((m) => (m.type === 'snapshot' && !m.playing ? m.snapshot.step : -1));
  expect(last.map((m) => (m.type === 'snapshot' ? m.run : -1))).toEqual([0, 1]);
  expect(steps[0]).toBeGreaterThan(20);
  expect(steps[1]).toBe(steps[0]);
  // The next command finds the runs where the pause left them: a step of 3 lands at exactly 3 more.
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 3 });
  const after = received.slice(stopped + 1);
  expect(after.map((m) => (m.type === 'snapshot' ? m.snapshot.step : m.type))).toEqual([steps[0] + 3, steps[0] + 3]);
});
