import { useEffect, useRef } from 'react';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { useWords } from '../i18n/words';
import { SHORTCUTS, keyBelongsToControl } from './shortcuts';

/**
 * Space play/pause, → step, R reset, 1–4 go to a run, ? this list (docs/architecture.md). A key
 * pressed in a control (a slider's arrows, a button's space) stays that control's.
 */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const w = useWords();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || keyBelongsToControl(e.target)) return;
      const s = usePlayground.getState();
      const run = Number(e.key);
      if (e.key === ' ') (s.playing ? actions.pause : actions.play)();
      else if (e.key === 'ArrowRight') {
        if (!s.playing) actions.step();
      } else if (e.key === 'r' || e.key === 'R') actions.reset();
      else if (run >= 1 && run <= 4) {
        const card = document.querySelector<HTMLElement>(`[data-testid="run-${run - 1}"]`);
        if (!card || s.runs.length < 2) return;
        card.focus();
        card.scrollIntoView({ block: 'nearest' });
      } else if (e.key === '?') dialog.current?.showModal();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{w.shortcutsTitle}</h2>
      <dl>
        {SHORTCUTS.map((k) => (
          <div key={k.label}>
            <dt>
              <kbd>{k.label}</kbd>
            </dt>
            <dd>{w[k.does]}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{w.shortcutsHint}</p>
      <button type="button" className="topbar-button" onClick={() => dialog.current?.close()}>
        {w.close}
      </button>
    </dialog>
  );
}
