import type { RunConfig } from '../core/config';
import type { FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { makeNotice, usePlayground, withSnapshot } from './store';

/**
 * The bridge between the store and the engine worker: commands go out as typed messages,
 * snapshots come back and land in the store. The only module that knows a Worker exists.
 */
export class EngineClient {
  private readonly worker: Worker;
  private autoplayed = false;

  constructor() {
    this.worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      usePlayground.setState({
        status: 'error',
        playing: false,
        error: { kind: 'internal', message: `The engine worker crashed: ${e.message || 'unknown error'}. Reload the page.` },
      });
    };
  }

  configure(config: RunConfig): void {
    this.send({ type: 'configure', configs: [config] });
  }

  update(config: RunConfig): void {
    this.send({ type: 'update', configs: [config] });
  }

  play(): void {
    usePlayground.setState({ playing: true, error: null });
    this.send({ type: 'play' });
  }

  pause(): void {
    usePlayground.setState({ playing: false });
    this.send({ type: 'pause' });
  }

  step(n = 1): void {
    this.send({ type: 'step', n });
  }

  reset(): void {
    usePlayground.setState({ history: [], error: null });
    this.send({ type: 'reset' });
  }

  private send(msg: WithoutVersion<ToWorker>): void {
    this.worker.postMessage({ ...msg, v: PROTOCOL_VERSION });
  }

  private receive(msg: FromWorker): void {
    const set = usePlayground.setState;
    switch (msg.type) {
      case 'calibrating':
        set({ status: 'starting' });
        break;
      case 'ready':
        set({ status: 'ready', backend: msg.backend, calibration: msg.calibration });
        // autoplay=1 starts the first run once warm; a later re-measurement must not undo a Pause.
        if (usePlayground.getState().autoplay && !this.autoplayed) {
          this.autoplayed = true;
          this.play();
        }
        break;
      case 'field':
        // The single-run screen shows run 0; the comparison screen will read the others.
        if (msg.run === 0) set({ field: msg.field });
        break;
      case 'snapshot':
        if (msg.run === 0) set((s) => withSnapshot(s, msg.snapshot, msg.stepsPerSecond, msg.playing));
        break;
      case 'status':
        set({ playing: msg.playing });
        break;
      case 'error':
        set((s) => ({
          playing: false,
          error: { kind: msg.kind, message: msg.message },
          notices: msg.kind === 'config' ? [...s.notices, makeNotice('error', msg.message)] : s.notices,
        }));
        break;
    }
  }
}
