import { actions } from '../controller';
import { usePlayground } from '../store';

/**
 * The embed's play/pause as its host and its reader want it, and as the page allows it: an
 * embed scrolled out of view or in a hidden tab pauses its worker (off screen it steps nothing)
 * and plays again when seen, if it was playing — or was asked to play — meanwhile. A reader's or
 * host's own Pause is kept (docs/embedding.md#quiet-when-unseen).
 */
export interface PlayIntent {
  /** Play now if seen, or as soon as it is. */
  play(): void;
  pause(): void;
  /** Whether any of the embed is on screen in a visible tab. */
  seen(): boolean;
  /** Whether it plays, or will once seen. */
  wantsPlay(): boolean;
  /**
   * Whether a play waits for the embed to be seen (autoplay=1 before the first look, a host's
   * play while out of view, or a run paused by going out of view): the embed reports it as
   * `playWhenSeen` (docs/embedding.md).
   */
  playWhenSeen(): boolean;
}

export function quietWhenUnseen(root: Element): PlayIntent {
  let inView = true;
  let wants = usePlayground.getState().view.autoplay;
  let firstLook = false;
  /** Set while we pause it ourselves, so the store's playing → false is not read as the reader's wish. */
  let ourPause = false;
  const seen = () => inView && document.visibilityState === 'visible';

  const apply = () => {
    if (!firstLook) return;
    const playing = usePlayground.getState().playing;
    if (seen() && wants && !playing) actions.play();
    else if (!seen() && playing) {
      ourPause = true;
      actions.pause();
      ourPause = false;
    }
  };

  usePlayground.subscribe((s, prev) => {
    if (s.playing === prev.playing) return;
    if (s.playing) wants = true;
    // The worker's own stop (a run diverged) or a Pause: not ours, so it stays paused when seen.
    else if (!ourPause) wants = false;
  });
  new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1];
    if (last) inView = last.isIntersecting;
    firstLook = true;
    apply();
  }).observe(root);
  document.addEventListener('visibilitychange', apply);

  return {
    play() {
      wants = true;
      apply();
    },
    pause() {
      wants = false;
      actions.pause();
    },
    seen,
    wantsPlay: () => wants,
    // Before the first look nothing is known to be seen, and apply() holds every play back.
    playWhenSeen: () => wants && !(firstLook && seen()),
  };
}
