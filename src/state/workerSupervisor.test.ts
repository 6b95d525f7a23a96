import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { defaultSession } from '../core/session';
import type { ToWorker } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { SUPERVISOR_TIMING, WorkerSupervisor } from './workerSupervisor';

/** A stand-in for a Worker: records what it is sent, and can answer or fail on demand. */
class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  fail(message: string): void {
    // Node has no ErrorEvent: the supervisor reads only message and preventDefault().
    this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }
}

let workers: FakeWorker[] = [];
const events = { message: vi.fn(), restarted: vi.fn(), gaveUp: vi.fn() };

function supervise(): WorkerSupervisor {
  return new WorkerSupervisor(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  }, events);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'performance'] });
  workers = [];
  for (const f of Object.values(events)) f.mockReset();
});
afterEach(() => vi.useRealTimers());

test('an uncaught error in the worker replaces it at once', () => {
  supervise();
  workers[0].fail('Uncaught Error: boom');
  expect(workers[0].terminated).toBe(true);
  expect(workers).toHaveLength(2);
  expect(events.restarted).toHaveBeenCalledWith({ code: 'threw', text: 'Error: boom' });
});

test('a quiet worker is pinged, and one that never answers is replaced', () => {
  supervise();
  workers[0].answer({ v: PROTOCOL_VERSION, type: 'snapshot' });
  vi.advanceTimersByTime(SUPERVISOR_TIMING.pingAfterMs + SUPERVISOR_TIMING.checkMs);
  expect(workers[0].sent.some((m) => m.type === 'ping')).toBe(true);
  // A pong keeps it alive…
  workers[0].answer({ v: PROTOCOL_VERSION, type: 'pong' });
  vi.advanceTimersByTime(SUPERVISOR_TIMING.silenceMs - 2 * SUPERVISOR_TIMING.checkMs);
  expect(events.restarted).not.toHaveBeenCalled();
  expect(events.message).toHaveBeenCalledTimes(1); // pongs are the supervisor's, not the client's
  // …silence past the limit does not.
  vi.advanceTimersByTime(3 * SUPERVISOR_TIMING.checkMs);
  expect(events.restarted).toHaveBeenCalledWith(expect.objectContaining({ code: 'silent' }));
  expect(workers).toHaveLength(2);
});

test('while it may be compiling shaders, the long silence limit holds', () => {
  const s = supervise();
  s.send({ v: PROTOCOL_VERSION, type: 'configure', session: defaultSession() }, true);
  vi.advanceTimersByTime(SUPERVISOR_TIMING.slowSilenceMs - 2 * SUPERVISOR_TIMING.checkMs);
  expect(events.restarted).not.toHaveBeenCalled();
  vi.advanceTimersByTime(3 * SUPERVISOR_TIMING.checkMs);
  expect(events.restarted).toHaveBeenCalledTimes(1);
});

test('three faults within a minute and it gives up', () => {
  supervise();
  workers[0].fail('a');
  workers[1].fail('b');
  expect(events.gaveUp).not.toHaveBeenCalled();
  workers[2].fail('c');
  expect(events.gaveUp).toHaveBeenCalledWith({ code: 'threw', text: 'c' }, 3);
  expect(workers).toHaveLength(3);
  expect(workers[2].terminated).toBe(true);
});
