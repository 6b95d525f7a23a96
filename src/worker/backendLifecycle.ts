import type { Backend, RunConfig } from '../core/config';
import { LazyTfjs, type LoadTfjs } from './lazyTfjs';
import type { BackendName, BackendTiming, FromWorker, WithoutVersion } from './protocol';
import type { WebglWatch } from './webglWatch';

/**
 * With backend=auto the runs start on cpu at once and, when some run steps with tfjs, the
 * backends are measured this long after Play (the first frames are out by then): a shader
 * compilation never stands between opening a link and the first step.
 */
const MEASURE_AFTER_MS = 1500;
/**
 * A session whose runs all step on the plain-JS fast path starts without tfjs; tfjs is loaded this
 * long after (the first frames are out by then), so a later change that needs it finds it there.
 */
const PRELOAD_TFJS_AFTER_MS = 1500;

/** What the backend's lifecycle asks of the host, whose runs move when the backend does. */
export interface BackendHooks {
  send(msg: WithoutVersion<FromWorker>): void;
  /** The WebGL context is lost (the event, or a slice that found it gone): carry the runs on on cpu. */
  contextLost(): void;
  /** The background measurement is due: time the backends on the runs (`measure`), then `measured()`. */
  measureDue(): void;
}

/**
 * The engine's backend from start to loss (docs/architecture.md#backends), and tfjs, loaded only
 * when a run steps with it or a backend is to be measured (docs/architecture.md#lazy-tfjs): started
 * for a session (backend=auto: on cpu at once), measured again for a new kind of workload or in
 * the background after Play, watched for a lost WebGL context and left for cpu then. The runs are
 * the host's: it frees them before a start, and moves them, from their states, when the backend
 * changes under them.
 */
export class BackendLifecycle {
  readonly tfjs: LazyTfjs;
  private backend: BackendName | null = null;
  private backendRequest: Backend | null = null;
  private calibration: readonly BackendTiming[] = [];
  /** What the backend was measured on: a new kind of workload is measured again (backend=auto). */
  private calibratedFor: string | null = null;
  private webgl: WebglWatch | null = null;
  private recovering = false;
  private startingUp: Promise<void> | null = null;
  /** When the background measurement is due (null: none is); `measuring` holds the ticks meanwhile. */
  private measureDue: number | null = null;
  private measuring = false;
  private preloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly hooks: BackendHooks,
    loadTfjs?: LoadTfjs,
  ) {
    this.tfjs = new LazyTfjs(loadTfjs);
  }

  /** The backend's start or measurement, under way or done (null before the first): the runs wait for it. */
  get ready(): Promise<void> | null {
    return this.startingUp;
  }

  /** The backend the session asked for when it was started (null before). */
  get requested(): Backend | null {
    return this.backendRequest;
  }

  /** Whether a session on `wanted` with these runs starts the backend afresh: none yet, another asked for, or (auto) a new workload. */
  mustStart(wanted: Backend, configs: readonly RunConfig[]): boolean {
    const remeasure = wanted === 'auto' && workloadKind(configs) !== this.calibratedFor;
    return this.backend === null || wanted !== this.backendRequest || remeasure;
  }

  /** Start the backend for these runs (the host has freed the old ones: a measurement needs the backend to itself). */
  start(configs: readonly RunConfig[], wanted: Backend, needsTfjs: boolean): void {
    this.backendRequest = wanted;
    this.calibratedFor = workloadKind(configs);
    this.hooks.send({ type: 'calibrating' });
    // auto starts on cpu now and measures later, in the background, only if it could matter.
    const quick = wanted === 'auto';
    this.measureDue = quick && needsTfjs ? Number.POSITIVE_INFINITY : null;
    this.startingUp = (quick ? this.startOnCpu(needsTfjs) : this.tfjs.get().then((side) => side.chooseBackend(configs, wanted))).then(({ backend, calibration }) => {
      this.backend = backend;
      this.calibration = calibration;
      this.watchBackend();
      this.hooks.send({ type: 'ready', backend, calibration });
    });
  }

  /**
   * backend=auto: start on cpu at once, which always works and needs no shaders (the first step
   * within a second). Runs that all step on the fast path do not even wait for tfjs: cpu is where
   * tfjs will start when it comes.
   */
  private async startOnCpu(needsTfjs: boolean): Promise<{ backend: BackendName; calibration: BackendTiming[] }> {
    if (needsTfjs) await this.tfjs.get();
    return { backend: 'cpu', calibration: [] };
  }

  /** Load tfjs a little after the first frames, unless it is loaded or on its way. */
  preloadTfjs(): void {
    if (this.tfjs.loaded || this.preloadTimer !== null) return;
    this.preloadTimer = setTimeout(() => {
      // A failed preload is no fault: a run that needs tfjs tries again and reports it then.
      this.tfjs.get().catch(() => undefined);
    }, PRELOAD_TFJS_AFTER_MS);
  }

  /** Play: a background measurement waiting for it is due a little later. */
  played(): void {
    if (this.measureDue === Number.POSITIVE_INFINITY) this.measureDue = performance.now() + MEASURE_AFTER_MS;
  }

  /**
   * Before a time slice: whether it must wait for the backend. It waits while the backends are
   * measured, and starts a measurement that is due or a recovery from a context found lost.
   */
  holdsSlice(): boolean {
    if (this.measuring) return true;
    if (this.measureDue !== null && performance.now() >= this.measureDue) {
      this.measureDue = null;
      this.measuring = true;
      this.hooks.measureDue();
      return true;
    }
    if (this.webgl?.lost()) {
      this.hooks.contextLost();
      return true;
    }
    return false;
  }

  /**
   * The runs have been stepping on cpu; some step with tfjs, so time the backends on their
   * workload and, when another wins, `move` the runs to it (before `ready` is sent).
   */
  measure(configs: readonly RunConfig[], move: () => void): Promise<void> {
    const before = this.backend;
    this.hooks.send({ type: 'calibrating', background: true });
    this.startingUp = this.tfjs
      .get()
      .then((side) => side.chooseBackend(configs, 'auto'))
      .then(({ backend, calibration }) => {
        this.backend = backend;
        this.calibration = calibration;
        this.watchBackend();
        if (backend !== before) move();
        this.hooks.send({ type: 'ready', backend, calibration });
      });
    return this.startingUp;
  }

  /** The measurement is over (done or failed): the ticks go on. */
  measured(): void {
    this.measuring = false;
  }

  private watchBackend(): void {
    this.webgl?.stop();
    // Only a loaded tfjs can be on webgl.
    this.webgl = this.tfjs.loaded?.watchWebgl(() => this.hooks.contextLost()) ?? null;
  }

  /** Whether the WebGL context is lost (its tensors cannot be read). */
  isContextLost(): boolean {
    return this.webgl?.lost() ?? false;
  }

  /** Lose the WebGL context on purpose (the drill); false when the engine is not on webgl. */
  loseContext(): boolean {
    return this.webgl?.lose() ?? false;
  }

  /** A lost context: whether to recover now (once, and only from webgl). */
  beginRecovery(): boolean {
    if (this.recovering || this.backend !== 'webgl') return false;
    this.recovering = true;
    return true;
  }

  /** The lost context's watch ends (its runs are about to be freed). */
  stopWatching(): void {
    this.webgl?.stop();
    this.webgl = null;
  }

  /** Leave the lost webgl backend for cpu, and say so: the runs carry on there from `step`. */
  async fallBackToCpu(step: number): Promise<void> {
    await (await this.tfjs.get()).abandonWebgl();
    this.backend = 'cpu';
    this.hooks.send({
      type: 'error',
      kind: 'backend',
      code: 'webgl-lost',
      step,
      message: `WebGL stopped working (the GPU context was lost). The engine switched to the cpu backend and carried on from step ${step.toLocaleString('en-US')}; it may be slower.`,
    });
    this.hooks.send({ type: 'ready', backend: 'cpu', calibration: this.calibration });
  }

  /** The recovery is over (done or failed). */
  recovered(): void {
    this.recovering = false;
  }
}

/**
 * The kind of work a set of runs does, for deciding when to measure the backends again: each
 * family, objective and estimator has its own op mix (targets share theirs closely enough).
 */
function workloadKind(configs: readonly RunConfig[]): string {
  return configs.map((c) => `${c.family.id}/${c.objective.id}/${c.estimator}`).join(',');
}
