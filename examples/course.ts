/**
 * The example course page's own script (examples/course.html): buttons outside figure 1 that
 * drive the playground through the element's methods, and a line fed by its events. A page
 * that only shows playgrounds needs none of this (docs/embedding.md).
 */

/** What `<vi-playground>` adds to an element (embed.js defines it; this page does not import it). */
interface PlaygroundElement extends HTMLElement {
  play(): Promise<unknown>;
  pause(): Promise<unknown>;
  step(n?: number): Promise<unknown>;
  reset(): Promise<unknown>;
  configure(config: string | Record<string, string | number>): Promise<unknown>;
  getState(): Promise<StateDetail>;
}

interface RunNumbers {
  readonly kl: number | null;
  readonly elbo: number | null;
}

interface StateDetail {
  readonly hash: string;
  readonly playing: boolean;
}

interface SnapshotDetail {
  readonly step: number;
  readonly playing: boolean;
  readonly runs: readonly RunNumbers[];
}

const FIGURE_CONFIG = 'target=correlated-gaussian&family=mean-field&lr=0.05&samples=256&seed=1';
const STEPS_PER_CLICK = 50;
/** The target's own default ρ (a link leaves out values at their default). */
const DEFAULT_RHO = 0.8;

/** Mean-field's best reverse KL on a unit-variance correlated Gaussian: −½ log(1 − ρ²) (the notes, §1). */
const meanFieldBestKl = (rho: number): number => -0.5 * Math.log(1 - rho * rho);

const number = (x: number | null, digits: number): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits));

/** ρ from the playground's current link, or null when it no longer shows the correlated Gaussian. */
function rhoOf(hash: string): number | null {
  const keys = new URLSearchParams(hash.replace(/^#/, ''));
  const target = keys.get('target');
  if (target !== null && target !== 'correlated-gaussian') return null;
  const rho = Number(keys.get('target.rho') ?? DEFAULT_RHO);
  return Number.isFinite(rho) ? rho : null;
}

async function wireFigure(): Promise<void> {
  await customElements.whenDefined('vi-playground');
  const playground = document.getElementById('fit-a') as PlaygroundElement | null;
  const status = document.getElementById('fit-a-status');
  const playButton = document.querySelector<HTMLButtonElement>('.host-controls button[data-command="play"]');
  if (!playground || !status) return;
  // Followed from the `state` events, so the slider inside the figure updates it too.
  let rho: number | null = DEFAULT_RHO;

  const show = (text: string, isError = false): void => {
    status.textContent = text;
    status.classList.toggle('is-error', isError);
  };

  const bestKl = (): string => (rho === null ? '' : ` (mean-field's best ${meanFieldBestKl(rho).toFixed(3)})`);
  const showPlaying = (playing: boolean): void => playButton?.setAttribute('aria-pressed', String(playing));

  const commands: Record<string, () => Promise<unknown>> = {
    play: () => playground.play(),
    pause: () => playground.pause(),
    step: () => playground.step(STEPS_PER_CLICK),
    reset: () => playground.reset(),
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('.host-controls button[data-command]')) {
    const command = commands[button.dataset.command ?? ''];
    button.addEventListener('click', () => {
      command?.().catch((error: unknown) => show(error instanceof Error ? error.message : String(error), true));
    });
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('.host-controls button[data-rho]')) {
    button.addEventListener('click', () => {
      const next = Number(button.dataset.rho);
      // configure takes the same keys as a link: the whole figure, with the new ρ.
      playground
        .configure(`${FIGURE_CONFIG}&target.rho=${next}`)
        .then(() => show(`ρ = ${next}: press Play${bestKl()}`))
        .catch((error: unknown) => show(error instanceof Error ? error.message : String(error), true));
    });
  }

  // `state` carries the current link: whenever the configuration changes (a slider inside the
  // figure included), and as the reply to a command with an id.
  const followState = ({ hash, playing }: StateDetail): void => {
    rho = rhoOf(hash);
    showPlaying(playing);
  };
  playground.addEventListener('vi-playground:state', (event) => followState((event as CustomEvent<StateDetail>).detail));
  playground.addEventListener('vi-playground:snapshot', (event) => {
    const { step, playing, runs } = (event as CustomEvent<SnapshotDetail>).detail;
    showPlaying(playing);
    show(`step ${step.toLocaleString('en')} · KL ${number(runs[0]?.kl ?? null, 3)}${bestKl()}`);
  });
  playground.addEventListener('vi-playground:converged', (event) => {
    const { step, kl } = (event as CustomEvent<{ step: number; kl: number | null }>).detail;
    show(`converged at step ${step.toLocaleString('en')} · KL ${number(kl, 3)}`);
  });
  playground.addEventListener('vi-playground:error', (event) => {
    show((event as CustomEvent<{ message: string }>).detail.message, true);
  });

  // The playground may have said `ready` before this module ran: ask instead (the element holds
  // the command until the playground is up, and the reply carries the state).
  playground
    .getState()
    .then((state) => {
      followState(state);
      show(`ready: press Play${bestKl()}`);
    })
    .catch(() => undefined);
}

void wireFigure();
