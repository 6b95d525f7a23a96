import { expect, test, vi } from 'vitest';
import type { RunConfig } from '../core/config';
import type { FromWorker } from './protocol';

/**
 * The engine starts fast-path runs without tfjs (docs/architecture.md#lazy-tfjs). The setup file
 * loads tfjs for every other test, so these import the host into a fresh module graph: its
 * tfRuntime has no library until something in that graph evaluates core/tf.ts, which a fast
 * run must not do.
 */
async function freshEngine() {
  vi.resetModules();
  const runtime = await import('../core/tfRuntime');
  const { EngineHost } = await import('./engineHost');
  const { PROTOCOL_VERSION } = await import('./protocol');
  const { defaultConfig } = await import('../core/config');
  const { sessionOf } = await import('../core/session');
  const { families } = await import('../core/families/registry');
  const received: FromWorker[] = [];
  const post = (msg: FromWorker, transfer?: Transferable[]) => received.push(structuredClone(msg, { transfer: transfer ?? [] }));
  return { runtime, EngineHost, v: PROTOCOL_VERSION as typeof PROTOCOL_VERSION, defaultConfig, sessionOf, families, received, post };
}

const snapshotsOf = (received: readonly FromWorker[]) => received.flatMap((m) => (m.type === 'snapshot' ? [m] : []));

async function until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('every family’s default run is built, stepped and posted before tfjs is loaded, and never asks for it', async () => {
  const e = await freshEngine();
  expect(e.runtime.tfLoaded()).toBe(false);
  let loads = 0;
  // A load that never ends: nothing here may wait for it.
  const host = new e.EngineHost(e.post, () => {
    loads++;
    return new Promise(() => undefined);
  });
  const ids = e.families.map((f) => f.id);
  for (let i = 0; i < ids.length; i += 4) {
    const configs = ids.slice(i, i + 4).map((id) => e.defaultConfig('banana', id));
    e.received.length = 0;
    await host.handle({ v: e.v, type: 'configure', session: e.sessionOf(configs) });
    await host.handle({ v: e.v, type: 'step', n: 3 });
    expect(e.received.filter((m) => m.type === 'error')).toEqual([]);
    const last = snapshotsOf(e.received).slice(-configs.length);
    expect(last.map((m) => [ids[i + m.run], m.snapshot.step, m.snapshot.fastPath])).toEqual(configs.map((c) => [c.family.id, 3, true]));
    expect(last.every((m) => m.snapshot.mean.every(Number.isFinite))).toBe(true);
  }
  expect(e.received.some((m) => m.type === 'ready' && m.backend === 'cpu')).toBe(true);
  // The preload waits until the first frames are out; a session's first frame never does.
  expect(loads).toBe(0);
  expect(e.runtime.tfLoaded()).toBe(false);
});

test('Play steps a fast-path run and posts its frames while tfjs is still loading', async () => {
  const e = await freshEngine();
  const host = new e.EngineHost(e.post, () => new Promise(() => undefined));
  host.receive({ v: e.v, type: 'configure', session: e.sessionOf([e.defaultConfig('banana', 'planar-flow')]) });
  host.receive({ v: e.v, type: 'play' });
  await until(() => snapshotsOf(e.received).some((m) => m.snapshot.step > 0));
  host.receive({ v: e.v, type: 'pause' });
  expect(e.runtime.tfLoaded()).toBe(false);
});

test('a run that steps with tfjs waits for tfjs; the fast run beside it carries on from its steps', async () => {
  const e = await freshEngine();
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const host = new e.EngineHost(e.post, async () => {
    await gate;
    return import('./tfjsSide');
  });
  const fast = e.defaultConfig('banana', 'mean-field');
  const iwae: RunConfig = { ...fast, objective: { id: 'iwae', options: { K: 5 } } };
  // The fast session steps at once.
  await host.handle({ v: e.v, type: 'configure', session: e.sessionOf([fast]) });
  await host.handle({ v: e.v, type: 'step', n: 2 });
  expect(snapshotsOf(e.received).at(-1)?.snapshot.step).toBe(2);
  // A new session with a tfjs run: nothing is built or posted until tfjs is here.
  e.received.length = 0;
  const configured = host.handle({ v: e.v, type: 'configure', session: e.sessionOf([fast, iwae]) });
  await new Promise((r) => setTimeout(r, 50));
  expect(e.received.map((m) => m.type)).toEqual(['calibrating']);
  expect(e.runtime.tfLoaded()).toBe(false);
  release();
  await configured;
  expect(e.runtime.tfLoaded()).toBe(true);
  await host.handle({ v: e.v, type: 'step', n: 2 });
  const last = snapshotsOf(e.received).slice(-2);
  expect(last.map((m) => [m.run, m.snapshot.step, m.snapshot.fastPath])).toEqual([
    [0, 4, true],
    [1, 2, false],
  ]);
  expect(e.received.filter((m) => m.type === 'error')).toEqual([]);
});
