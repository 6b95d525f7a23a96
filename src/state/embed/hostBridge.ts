import { hasConverged } from '../../core/engine/convergence';
import { actions } from '../controller';
import { type PlaygroundState, selectStep, usePlayground } from '../store';
import { formatHash } from '../url';
import { type CommandTarget, handleCommand } from './commands';
import { type EmbedEventBody, type EmbedRunNumbers, type EmbedState, SNAPSHOTS_PER_SECOND, embedEvent } from './embedApi';
import { fullPlaygroundLink } from './links';
import type { PlayIntent } from './quietWhenUnseen';

const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** The embed's state for its host: the store's, and whether a play waits to be seen (the intent's). */
function stateOf(s: PlaygroundState, intent: Pick<PlayIntent, 'playWhenSeen'>): EmbedState {
  return {
    hash: formatHash(s.session, s.view),
    url: fullPlaygroundLink(s.session),
    playing: s.playing,
    stepping: s.stepping,
    playWhenSeen: intent.playWhenSeen(),
    step: selectStep(s),
    runs: s.runs.length,
  };
}

function runNumbers(s: PlaygroundState): EmbedRunNumbers[] {
  return s.runs.map((r, run) => {
    const spec = s.session.runs[run];
    const snap = r.snapshot;
    return {
      run,
      family: spec?.family.id ?? '',
      objective: spec?.objective.id ?? '',
      step: snap?.step ?? 0,
      elbo: finite(snap?.elbo),
      kl: finite(snap?.klQP),
      klpq: finite(snap?.klPQ),
      logZ: finite(snap?.logZ ?? s.field?.logZ),
    };
  });
}

/**
 * The embed's side of the message API (docs/embedding.md): commands from the host page go
 * through handleCommand, and events go to it — only to `origin=` when set, and only commands
 * from it are heard. Not framed (embed.html opened on its own), or with an origin that could not
 * be read, it talks to nobody.
 */
export function startHostBridge(intent: PlayIntent): void {
  const host = window.parent;
  const origin = usePlayground.getState().view.origin;
  if (host === window || origin === '') return;
  const post = (body: EmbedEventBody) => host.postMessage(embedEvent(body), origin ?? '*');

  const target: CommandTarget = {
    play: () => intent.play(),
    pause: () => intent.pause(),
    // Steps are for a paused embed (the page's Step button is too).
    step: (n) => {
      if (usePlayground.getState().playing) intent.pause();
      actions.stepBy(n);
    },
    reset: () => actions.reset(),
    configure: (hash) => actions.configureFromHash(hash),
    state: () => stateOf(usePlayground.getState(), intent),
  };
  window.addEventListener('message', (e) => {
    if (e.source !== host || (origin !== null && e.origin !== origin)) return;
    const reply = handleCommand(e.data, target);
    if (reply) post(reply);
  });

  watchStore(post, intent);
  watchHeight(post);
}

/** ready once; state on every change of the link; snapshot and converged a few times a second; errors as they come. */
function watchStore(post: (body: EmbedEventBody) => void, intent: PlayIntent): void {
  let ready = false;
  let lastSnapshot = 0;
  let sentStep = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Runs (by their key) whose convergence was told, with the step it was told at. */
  const converged = new Map<number, number>();

  const tick = () => {
    timer = null;
    lastSnapshot = performance.now();
    const s = usePlayground.getState();
    const step = selectStep(s);
    if (step === sentStep) return;
    sentStep = step;
    post({ type: 'snapshot', step, playing: s.playing, runs: runNumbers(s) });
    s.runs.forEach((r, run) => {
      const runStep = r.snapshot?.step ?? 0;
      const told = converged.get(r.key);
      if (told !== undefined && runStep >= told) return;
      // Told, but the run is back before that step (reset or rebuilt): it may converge again.
      converged.delete(r.key);
      if (!hasConverged(r.history)) return;
      converged.set(r.key, runStep);
      post({ type: 'converged', run, step: runStep, elbo: finite(r.snapshot?.elbo), kl: finite(r.snapshot?.klQP) });
    });
  };

  usePlayground.subscribe((s, prev) => {
    if (!ready && s.status === 'ready') {
      ready = true;
      post({ type: 'ready', ...stateOf(s, intent) });
    }
    if (s.session !== prev.session || s.view !== prev.view) post({ type: 'state', ...stateOf(s, intent) });
    if (s.error && s.error !== prev.error) post({ type: 'error', kind: s.error.kind === 'config' ? 'config' : 'engine', message: s.error.message });
    s.runs.forEach((r, run) => {
      if (r.diverged && r.diverged !== prev.runs[run]?.diverged) post({ type: 'error', kind: 'diverged', run, message: r.diverged.message });
    });
    if (s.runs !== prev.runs && timer === null) {
      const wait = Math.max(0, lastSnapshot + 1000 / SNAPSHOTS_PER_SECOND - performance.now());
      timer = setTimeout(tick, wait);
    }
  });
}

/** resize: the content's own height (the embed lays out to its width, its height follows). */
function watchHeight(post: (body: EmbedEventBody) => void): void {
  const root = document.getElementById('root');
  if (!root) return;
  let sent = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === sent || height === 0) return;
    sent = height;
    post({ type: 'resize', height });
  }).observe(root);
}
