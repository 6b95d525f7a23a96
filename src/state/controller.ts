import { type Backend, ConfigError } from '../core/config';
import type { FlatNote } from '../core/flatNotes';
import { FORMULA_TARGET_ID } from '../core/formula/formulaTarget';
import { findFamilyInfo } from '../core/families/registry';
import { applyTry, lessonFlat } from '../core/lessons/link';
import { findLesson } from '../core/lessons/registry';
import { findObjectiveInfo } from '../core/objectives/registry';
import type { EstimatorId } from '../core/objectives/types';
import { defaultParams } from '../core/params';
import { type RunSpec, type SessionConfig, parseSession } from '../core/session';
import { resolveSession, toFlatSession } from '../core/sessionFlat';
import { findTarget } from '../core/targets/registry';
import { DEFAULT_FORMULA, DEFAULT_FORMULA_DOMAIN } from '../core/targets/resolve';
import type { Domain } from '../core/targets/types';
import type { Lang } from '../words/lang';
import type { NoticeMessage } from '../words/notices';
import { wordError, wordProblem } from '../words/problems';
import { EngineClient } from './engineClient';
import { type Keep, type SessionEdit, addRun, duplicateRun, removeRun, withSession, withoutDivergences } from './sessionReducers';
import { type ThemeChoice, initialState, makeNotice, usePlayground } from './store';
import { installTestHooks } from './testHooks';
import { formatHash, parseHash } from './url';

let client: EngineClient | null = null;

export interface StartOptions {
  /**
   * The embed starts playing only once it is seen (quietWhenUnseen.ts), so autoplay=1 is left to
   * it rather than sent at once.
   */
  readonly holdAutoplay?: boolean;
  /** The least time between two redraws (EngineClient): an embed shares its page with others. */
  readonly minFrameMs?: number;
}

/** Read the link, start the worker (which warms up at once), and keep the hash in step. */
export function startPlayground(options: StartOptions = {}): void {
  if (client) return;
  const parsed = parseHash(window.location.hash);
  const notices = parsed.notes.map((note) => makeNotice('warning', { code: 'link', note }));
  usePlayground.setState(initialState(parsed.session, parsed.view, notices));
  client = new EngineClient(options.minFrameMs);
  installTestHooks(client);
  client.configure(parsed.session);
  if (options.holdAutoplay) client.holdAutoplay();
  else if (parsed.view.autoplay) client.autoplay();
  writeHash();
  usePlayground.subscribe((s, prev) => {
    if (s.session !== prev.session || s.view !== prev.view) writeHash();
  });
  // A hand-edited hash (or back/forward) is read like a fresh link.
  window.addEventListener('hashchange', () => {
    const next = parseHash(window.location.hash);
    if (window.location.hash === formatHash(usePlayground.getState().session, usePlayground.getState().view)) return;
    usePlayground.setState((s) => ({
      ...withSession(s, next.session, next.session.runs.map(() => null)),
      // The link names the lesson shown, or none.
      view: { ...s.view, lesson: next.view.lesson },
      notices: [...s.notices, ...next.notes.map((note) => makeNotice('warning', { code: 'link', note }))],
    }));
    client?.configure(next.session, next.session.runs.map(() => null));
  });
}

function writeHash(): void {
  const { session, view } = usePlayground.getState();
  const hash = formatHash(session, view);
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}

const session = (): SessionConfig => usePlayground.getState().session;

function tell(tone: 'info' | 'warning', message: NoticeMessage): void {
  usePlayground.setState((s) => ({ notices: [...s.notices.slice(-4), makeNotice(tone, message)] }));
}

/** The rules' adjustments to a change made in the page, as notices. */
const adjusted = (notes: readonly FlatNote[]) => notes.map((note) => makeNotice('info', { code: 'adjusted', note }));

/**
 * A change that keeps the runs going (sliders): the worker applies it in place. A value that the
 * rules refuse in combination (fewer samples than IWAE's K) is explained and not sent.
 */
function live(change: (s: SessionConfig) => SessionConfig): void {
  const next = change(session());
  try {
    parseSession(next);
  } catch (e) {
    tell('info', e instanceof ConfigError ? { code: 'refused', problems: e.problems } : { code: 'engine-text', text: wordError(e) });
    return;
  }
  usePlayground.setState((s) => withSession(s, next));
  client?.update(next);
}

/**
 * A change that may need fresh runs (another target, family, objective or estimator). It goes
 * through the same lenient resolver as a link, so a combination that cannot work (forward KL
 * with a flow that has no density on the grid, RealNVP on a 1D target) falls back to one that
 * can, and the learner is told why. Only the runs it changes start again (rules.ts changeKind).
 */
function fresh(change: (s: SessionConfig) => SessionConfig, keep?: Keep): void {
  const { session: next, notes } = resolveSession(toFlatSession(change(session())), wordProblem);
  usePlayground.setState((s) => ({
    ...withSession(s, next, keep),
    error: null,
    notices: [...s.notices, ...adjusted(notes)],
  }));
  client?.configure(next, keep);
}

function edit(made: SessionEdit | null): void {
  if (made) fresh(() => made.session, made.keep);
}

/** Change run i's spec. */
const inRun = (index: number, change: (r: RunSpec) => RunSpec) => (s: SessionConfig): SessionConfig => ({
  ...s,
  runs: s.runs.map((r, i) => (i === index ? change(r) : r)),
});

export const actions = {
  setTarget(id: string): void {
    if (id === FORMULA_TARGET_ID) {
      fresh((s) => ({ ...s, target: { id, params: {}, formula: DEFAULT_FORMULA, domain: DEFAULT_FORMULA_DOMAIN } }));
      return;
    }
    const spec = findTarget(id);
    if (spec) fresh((s) => ({ ...s, target: { id, params: defaultParams(spec.params) } }));
  },
  /** Only called with a formula and domain that parse (the editor checks first). */
  setFormula(formula: string, domain: Domain): void {
    fresh((s) => ({ ...s, target: { id: FORMULA_TARGET_ID, params: {}, formula, domain } }));
  },
  /** Moves p for every run at once; every q chases it. */
  setTargetParam(name: string, value: number): void {
    live((s) => ({ ...s, target: { ...s.target, params: { ...s.target.params, [name]: value } } }));
  },
  setFamily(run: number, id: string): void {
    const spec = findFamilyInfo(id);
    if (spec) fresh(inRun(run, (r) => ({ ...r, family: { id, options: defaultParams(spec.options) } })));
  },
  setFamilyOption(run: number, name: string, value: number): void {
    fresh(inRun(run, (r) => ({ ...r, family: { ...r.family, options: { ...r.family.options, [name]: value } } })));
  },
  setObjective(run: number, id: string): void {
    const spec = findObjectiveInfo(id);
    if (!spec) return;
    fresh(
      inRun(run, (r) => ({
        ...r,
        objective: { id, options: defaultParams(spec.options) },
        estimator: spec.estimators.includes(r.estimator) ? r.estimator : spec.estimators[0],
      })),
    );
  },
  setObjectiveOption(run: number, name: string, value: number): void {
    fresh(inRun(run, (r) => ({ ...r, objective: { ...r.objective, options: { ...r.objective.options, [name]: value } } })));
  },
  setEstimator(run: number, id: EstimatorId): void {
    fresh(inRun(run, (r) => ({ ...r, estimator: id })));
  },
  setLearningRate(run: number, lr: number): void {
    live(inRun(run, (r) => ({ ...r, lr })));
  },
  setSamples(run: number, samples: number): void {
    live(inRun(run, (r) => ({ ...r, samples })));
  },
  setBackend(backend: Backend): void {
    fresh((s) => ({ ...s, backend }));
  },
  setSpeed(speed: number): void {
    live((s) => ({ ...s, speed }));
  },
  /** Iterate averaging applies in place: the runs keep training, their read-outs switch to the average. */
  setAveraging(averaging: boolean): void {
    live((s) => ({ ...s, averaging }));
  },
  addRun: () => edit(addRun(session())),
  duplicateRun: (run: number) => edit(duplicateRun(session(), run)),
  removeRun: (run: number) => edit(removeRun(session(), run)),
  /**
   * Adam instead of SGD for run i, carrying on from the current parameters (a diverged run's
   * restored ones): only the optimiser starts afresh.
   */
  switchToAdam(run: number): void {
    const next = inRun(run, (r) => ({ ...r, optimizer: 'adam' as const }))(session());
    usePlayground.setState((s) => {
      const moved = { ...s, ...withSession(s, next) };
      return { ...moved, ...withoutDivergences(moved), error: null };
    });
    client?.configure(next, undefined, true);
  },
  play: () => client?.play(),
  resume: (run: number) => client?.resume(run),
  pause: () => client?.pause(),
  step: () => client?.step(1),
  reset: () => client?.reset(),
  /** n steps at once (the embed's `step` command); the button steps one. */
  stepBy: (n: number) => client?.step(n),
  /**
   * Apply the app's hash keys (the embed's `configure`) strictly: the link reader's problems
   * come back (without the fallback a link would take) and nothing changes when there are any. Keys left out take their defaults, as in a
   * fresh link. hide= and autoplay= change the view only when given; origin= is the embed's own
   * (commands.ts refuses it).
   */
  configureFromHash(hash: string): string[] {
    const next = parseHash(hash);
    if (next.errors.length > 0) return next.errors;
    const asked = new URLSearchParams(hash.replace(/^#/, ''));
    usePlayground.setState((s) => ({
      ...withSession(s, next.session, next.session.runs.map(() => null)),
      // The view keys change only when given: a host that sets ρ keeps the parts it hid.
      view: { ...s.view, ...(asked.has('hide') ? { hide: next.view.hide } : {}), ...(asked.has('autoplay') ? { autoplay: next.view.autoplay } : {}), ...(asked.has('lesson') ? { lesson: next.view.lesson } : {}) },
      error: null,
    }));
    client?.configure(next.session, next.session.runs.map(() => null));
    return [];
  },
  /** A view switch: the runs go on as they were. */
  setTheme(theme: ThemeChoice): void {
    usePlayground.setState((s) => ({ view: { ...s.view, theme } }));
  },
  /** The page's language, mid-run: only the words change. */
  setLang(lang: Lang): void {
    usePlayground.setState((s) => ({ view: { ...s.view, lang } }));
  },
  /**
   * Show lesson `id` and load its session (every run afresh); null leaves the lesson and keeps
   * the session as it is (docs/lessons.md).
   */
  startLesson(id: string | null): void {
    const spec = id === null ? undefined : findLesson(id);
    if (!spec) {
      usePlayground.setState((s) => ({ view: { ...s.view, lesson: null } }));
      return;
    }
    const { session: next, notes } = resolveSession(lessonFlat(spec), wordProblem);
    const keep = next.runs.map(() => null);
    usePlayground.setState((s) => ({
      ...withSession(s, next, keep),
      view: { ...s.view, lesson: spec.id },
      error: null,
      notices: [...s.notices, ...adjusted(notes)],
    }));
    client?.configure(next, keep);
  },
  /** A lesson's "try this": its link keys over the current session, read like a link (docs/lessons.md). */
  tryThis(change: Readonly<Record<string, string>>): void {
    const { session: next, notes } = resolveSession(applyTry(toFlatSession(session()), change), wordProblem);
    usePlayground.setState((s) => ({
      ...withSession(s, next),
      error: null,
      notices: [...s.notices, ...adjusted(notes)],
    }));
    client?.configure(next);
  },
  dismissNotice(id: number): void {
    usePlayground.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
