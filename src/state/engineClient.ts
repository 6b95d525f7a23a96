import type { RunConfig } from '../core/config';
import type { RunState } from '../core/engine/run';
import type { FaultDrill, FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { makeNotice, usePlayground, withSnapshot } from './store';
import { WorkerSupervisor } from './workerSupervisor';

/** Commands after which the worker may be silent for a while (shader compilation, calibration). */
const SLOW: ReadonlySet<ToWorker['type']> = new Set(['configure', 'update', 'reset', 'play', 'resume', 'step']);

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The bridge between the store and the engine worker: commands go out as typed messages,
 * snapshots come back and land in the store. With its WorkerSupervisor, the only code that
 * knows a Worker exists. It keeps what a fresh worker needs to carry on after a fault: the
 * configs and each run's last state.
 */
export class EngineClient {
  private readonly supervisor: WorkerSupervisor;
  private autoplayed = false;
  private configs: RunConfig[] = [];
  /** Bumped by every configure/reset: a state is kept only if it belongs to the current runs. */
  private epoch = 0;
  private states: (RunState | null)[] = [];
  /** A restart whose notice waits for the new worker's first snapshot (so "carried on" is true). */
  private restartNotice: string | null = null;

  constructor() {
    this.supervisor = new WorkerSupervisor(
      () => new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }),
      {
        message: (msg) => this.receive(msg),
        restarted: (reason) => this.restarted(reason),
        gaveUp: (reason, faults) => this.gaveUp(reason, faults),
      },
    );
  }

  /** `carryOn`: start the new runs from the current runs' parameters (same family, new optimiser). */
  configure(config: RunConfig, carryOn = false): void {
    const restore = carryOn ? this.states : [];
    this.configs = [config];
    this.epoch++;
    if (!carryOn) this.states = [];
    this.send({ type: 'configure', configs: this.configs, epoch: this.epoch, restore });
  }

  update(config: RunConfig): void {
    this.configs = [config];
    this.send({ type: 'update', configs: this.configs });
  }

  play(): void {
    usePlayground.setState({ playing: true, error: null, diverged: [] });
    this.send({ type: 'play' });
  }

  pause(): void {
    usePlayground.setState({ playing: false });
    this.send({ type: 'pause' });
  }

  step(n = 1): void {
    usePlayground.setState({ diverged: [] });
    this.send({ type: 'step', n });
  }

  reset(): void {
    this.epoch++;
    this.states = [];
    usePlayground.setState({ history: [], error: null, diverged: [] });
    this.send({ type: 'reset', epoch: this.epoch });
  }

  /** Carry on one diverged run from the finite parameters it was set back to. */
  resume(run: number): void {
    usePlayground.setState((s) => ({ playing: true, diverged: s.diverged.map((d, i) => (i === run ? null : d)) }));
    this.send({ type: 'resume', run });
  }

  /** Test hooks only: break the worker on purpose. */
  drill(fault: FaultDrill | 'terminate'): void {
    if (fault === 'terminate') this.supervisor.terminateSilently();
    else this.send({ type: 'drill', fault });
  }

  private send(msg: WithoutVersion<ToWorker>): void {
    this.supervisor.send({ ...msg, v: PROTOCOL_VERSION } as ToWorker, SLOW.has(msg.type));
  }

  /** A fresh worker replaced one that failed: give it the runs and their last states, and play on. */
  private restarted(reason: string): void {
    const { playing } = usePlayground.getState();
    const step = this.states[0]?.step ?? 0;
    this.restartNotice =
      step > 0
        ? `The engine stopped unexpectedly (${reason}); it was restarted and carried on from step ${count(step)}.`
        : `The engine stopped unexpectedly (${reason}); it was restarted.`;
    usePlayground.setState((s) => ({ status: 'starting', error: null, restarts: s.restarts + 1 }));
    if (this.configs.length === 0) return;
    this.epoch++;
    this.send({ type: 'configure', configs: this.configs, epoch: this.epoch, restore: this.states });
    if (playing) this.send({ type: 'play' });
  }

  private gaveUp(reason: string, faults: number): void {
    usePlayground.setState({
      status: 'error',
      playing: false,
      error: {
        kind: 'crashed',
        message: `The engine stopped ${faults} times within a minute (last: ${reason}), so it was not restarted again. Reload the page to start afresh; your settings are kept in the link.`,
      },
    });
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
        if (msg.epoch === this.epoch) {
          this.states[msg.run] = msg.state;
          if (this.restartNotice !== null) {
            const text = this.restartNotice;
            this.restartNotice = null;
            set((s) => ({ notices: [...s.notices, makeNotice('warning', text)] }));
          }
        }
        if (msg.run === 0) set((s) => withSnapshot(s, msg.snapshot, msg.stepsPerSecond, msg.playing));
        break;
      case 'status':
        set({ playing: msg.playing });
        break;
      case 'error':
        this.receiveError(msg);
        break;
      case 'pong':
        break;
    }
  }

  private receiveError(msg: Extract<FromWorker, { type: 'error' }>): void {
    const set = usePlayground.setState;
    switch (msg.kind) {
      case 'diverged': {
        const run = msg.run ?? 0;
        const trouble = { step: msg.step ?? 0, message: msg.message };
        set((s) => ({
          diverged: Array.from({ length: Math.max(s.diverged.length, run + 1) }, (_, i) => (i === run ? trouble : (s.diverged[i] ?? null))),
        }));
        break;
      }
      case 'backend':
        // The engine carried on elsewhere: a notice, not a stop.
        set((s) => ({ notices: [...s.notices, makeNotice('warning', msg.message)] }));
        break;
      case 'config':
        set((s) => ({ playing: false, error: { kind: msg.kind, message: msg.message }, notices: [...s.notices, makeNotice('error', msg.message)] }));
        break;
      default:
        set({ playing: false, error: { kind: msg.kind, message: msg.message } });
    }
  }
}
