import { type Backend, type RunConfig, parseRunConfig, resolveFlat, toFlat } from '../core/config';
import { findObjective } from '../core/objectives/registry';
import type { EstimatorId } from '../core/objectives/types';
import { defaultParams } from '../core/params';
import { findFamily } from '../core/families/registry';
import { FORMULA_TARGET_ID } from '../core/formula/formulaTarget';
import { findTarget } from '../core/targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN } from '../core/targets/resolve';
import type { Domain } from '../core/targets/types';
import { EngineClient } from './engineClient';
import { initialState, makeNotice, usePlayground } from './store';
import { installTestHooks } from './testHooks';
import { formatHash, parseHash } from './url';

let client: EngineClient | null = null;

/** Read the link, start the worker (which warms up at once), and keep the hash in step. */
export function startPlayground(): void {
  if (client) return;
  const parsed = parseHash(window.location.hash);
  const notices = parsed.problems.map((p) => makeNotice('warning', `Link: ${p}`));
  usePlayground.setState(initialState(parsed.config, parsed.options.autoplay, notices));
  client = new EngineClient();
  installTestHooks(client);
  client.configure(parsed.config);
  writeHash(parsed.config);
  usePlayground.subscribe((s, prev) => {
    if (s.config !== prev.config) writeHash(s.config);
  });
  // A hand-edited hash (or back/forward) is read like a fresh link.
  window.addEventListener('hashchange', () => {
    const next = parseHash(window.location.hash);
    usePlayground.setState((s) => ({
      config: next.config,
      diverged: [],
      notices: [...s.notices, ...next.problems.map((p) => makeNotice('warning', `Link: ${p}`))],
    }));
    client?.configure(next.config);
  });
}

function writeHash(config: RunConfig): void {
  const hash = formatHash(config, { autoplay: usePlayground.getState().autoplay });
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}

/**
 * A change that keeps the run going (sliders): the worker applies it in place. A value that the
 * schema refuses in combination (fewer samples than IWAE's K) is explained and not sent.
 */
function live(change: (c: RunConfig) => RunConfig): void {
  const config = change(usePlayground.getState().config);
  try {
    parseRunConfig(config);
  } catch (e) {
    usePlayground.setState((s) => ({ notices: [...s.notices.slice(-4), makeNotice('info', e instanceof Error ? e.message : String(e))] }));
    return;
  }
  usePlayground.setState({ config });
  client?.update(config);
}

/**
 * A change that needs a fresh run (another target, family, objective or estimator). It goes
 * through the same lenient resolver as a link, so a combination that cannot work (forward KL
 * with a flow that has no density on the grid, RealNVP on a 1D target) falls back to one that
 * can, and the learner is told why.
 */
function fresh(change: (c: RunConfig) => RunConfig): void {
  const { config, problems } = resolveFlat(toFlat(change(usePlayground.getState().config)));
  usePlayground.setState((s) => ({
    config,
    history: [],
    error: null,
    diverged: [],
    notices: [...s.notices, ...problems.map((p) => makeNotice('info', p))],
  }));
  client?.configure(config);
}

export const actions = {
  setTarget(id: string): void {
    if (id === FORMULA_TARGET_ID) {
      fresh((c) => ({ ...c, target: { id, params: {}, formula: DEFAULT_FORMULA, domain: DEFAULT_FORMULA_DOMAIN } }));
      return;
    }
    const spec = findTarget(id);
    if (spec) fresh((c) => ({ ...c, target: { id, params: defaultParams(spec.params) } }));
  },
  /** Only called with a formula and domain that parse (the editor checks first). */
  setFormula(formula: string, domain: Domain): void {
    fresh((c) => ({ ...c, target: { id: FORMULA_TARGET_ID, params: {}, formula, domain } }));
  },
  setTargetParam(name: string, value: number): void {
    live((c) => ({ ...c, target: { ...c.target, params: { ...c.target.params, [name]: value } } }));
  },
  setFamily(id: string): void {
    const spec = findFamily(id);
    if (spec) fresh((c) => ({ ...c, family: { id, options: defaultParams(spec.options) } }));
  },
  setFamilyOption(name: string, value: number): void {
    fresh((c) => ({ ...c, family: { ...c.family, options: { ...c.family.options, [name]: value } } }));
  },
  setObjective(id: string): void {
    const spec = findObjective(id);
    if (spec) {
      fresh((c) => ({
        ...c,
        objective: { id, options: defaultParams(spec.options) },
        estimator: spec.estimators.includes(c.estimator) ? c.estimator : spec.estimators[0],
      }));
    }
  },
  setObjectiveOption(name: string, value: number): void {
    fresh((c) => ({ ...c, objective: { ...c.objective, options: { ...c.objective.options, [name]: value } } }));
  },
  setEstimator(id: EstimatorId): void {
    fresh((c) => ({ ...c, estimator: id }));
  },
  setBackend(backend: Backend): void {
    fresh((c) => ({ ...c, backend }));
  },
  setSpeed(speed: number): void {
    live((c) => ({ ...c, speed }));
  },
  setLearningRate(lr: number): void {
    live((c) => ({ ...c, lr }));
  },
  /** Iterate averaging applies in place: the run keeps training, its read-outs switch to the average. */
  setAveraging(averaging: boolean): void {
    live((c) => ({ ...c, averaging }));
  },
  setSamples(samples: number): void {
    live((c) => ({ ...c, samples }));
  },
  /**
   * Adam instead of SGD, carrying on from the current parameters (a diverged run's restored
   * ones): only the optimiser starts afresh.
   */
  switchToAdam(): void {
    const config = { ...usePlayground.getState().config, optimizer: 'adam' as const };
    usePlayground.setState({ config, error: null, diverged: [] });
    client?.configure(config, true);
  },
  play: () => client?.play(),
  resume: (run: number) => client?.resume(run),
  pause: () => client?.pause(),
  step: () => client?.step(1),
  reset: () => client?.reset(),
  dismissNotice(id: number): void {
    usePlayground.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
