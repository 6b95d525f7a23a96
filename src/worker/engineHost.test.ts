import { expect, test } from 'vitest';
import { defaultConfig } from '../core/config';
import { EngineHost } from './engineHost';
import type { FromWorker } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

/**
 * Drives the host as the worker does, transferring buffers as postMessage would (structuredClone
 * with transfer detaches them), so a buffer that is still in use by tfjs fails here too.
 */
function host() {
  const received: FromWorker[] = [];
  const h = new EngineHost((msg, transfer) => received.push(structuredClone(msg, { transfer: transfer ?? [] })));
  return { h, received };
}

test('particles survive their snapshots being transferred (SVGD on the cpu backend)', async () => {
  const { h, received } = host();
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', configs: [{ ...defaultConfig('banana', 'svgd'), backend: 'cpu' }] });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 3 });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 3 });
  expect(received.filter((m) => m.type === 'error')).toEqual([]);
  const last = received.filter((m) => m.type === 'snapshot').at(-1);
  expect(last?.type === 'snapshot' && last.snapshot.step).toBe(6);
  expect(last?.type === 'snapshot' && last.snapshot.mean.every(Number.isFinite)).toBe(true);
});

test('hosts up to four runs and names each snapshot’s run', async () => {
  const { h, received } = host();
  const configs = ['mean-field', 'full-rank', 'mixture', 'planar-flow'].map((f) => ({ ...defaultConfig('banana', f), backend: 'cpu' as const }));
  await h.handle({ v: PROTOCOL_VERSION, type: 'configure', configs });
  await h.handle({ v: PROTOCOL_VERSION, type: 'step', n: 2 });
  const runs = new Set(received.flatMap((m) => (m.type === 'snapshot' ? [m.run] : [])));
  expect([...runs].sort()).toEqual([0, 1, 2, 3]);
  const tooMany = host();
  await tooMany.h.handle({ v: PROTOCOL_VERSION, type: 'configure', configs: [...configs, configs[0]] });
  expect(tooMany.received.some((m) => m.type === 'error' && /1 to 4 runs/.test(m.message))).toBe(true);
});
