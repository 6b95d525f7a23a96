import type { RunConfig } from '../core/config';
import { defaultParams } from '../core/params';
import { findFamily } from '../core/families/registry';
import { findTarget } from '../core/targets/registry';
import { EngineClient } from './engineClient';
import { initialState, makeNotice, usePlayground } from './store';
import { formatHash, parseHash } from './url';

let client: EngineClient | null = null;

/** Read the link, start the worker (which warms up at once), and keep the hash in step. */
export function startPlayground(): void {
  if (client) return;
  const parsed = parseHash(window.location.hash);
  const notices = parsed.problems.map((p) => makeNotice('warning', `Link: ${p}`));
  usePlayground.setState(initialState(parsed.config, parsed.options.autoplay, notices));
  client = new EngineClient();
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
      notices: [...s.notices, ...next.problems.map((p) => makeNotice('warning', `Link: ${p}`))],
    }));
    client?.configure(next.config);
  });
}

function writeHash(config: RunConfig): void {
  const hash = formatHash(config, { autoplay: usePlayground.getState().autoplay });
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}

/** A change that keeps the run going (sliders): the worker applies it in place. */
function live(change: (c: RunConfig) => RunConfig): void {
  const config = change(usePlayground.getState().config);
  usePlayground.setState({ config });
  client?.update(config);
}

/** A change that needs a fresh run (another target or family). */
function fresh(change: (c: RunConfig) => RunConfig): void {
  const config = change(usePlayground.getState().config);
  usePlayground.setState({ config, history: [], error: null });
  client?.configure(config);
}

export const actions = {
  setTarget(id: string): void {
    const spec = findTarget(id);
    if (spec) fresh((c) => ({ ...c, target: { id, params: defaultParams(spec.params) } }));
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
  setLearningRate(lr: number): void {
    live((c) => ({ ...c, lr }));
  },
  setSamples(samples: number): void {
    live((c) => ({ ...c, samples }));
  },
  play: () => client?.play(),
  pause: () => client?.pause(),
  step: () => client?.step(1),
  reset: () => client?.reset(),
  dismissNotice(id: number): void {
    usePlayground.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
