import { type MouseEvent, Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import { useWords } from '../i18n/words';
import type { EmbedForm } from './embedForm';

// The dialog's contents load on first open: the page's first JS stays within its budget (docs/bench.md).
const EmbedDialogContent = lazy(() => import('./EmbedDialogContent'));

/**
 * The top bar's Embed button and its dialog (docs/embedding.md): choose what to hide and the
 * size, watch a live preview, copy an `<iframe>` or `<vi-playground>` snippet of the current
 * configuration. A native modal <dialog>: Escape closes it, the rest of the page is inert, and
 * focus goes back to the button. Its contents (and the preview's worker) exist only while open.
 */
export function EmbedButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const w = useWords();
  // Kept across openings: an author tries a choice, closes, changes the demo, comes back. Null
  // until the first change: the defaults live with the lazily loaded contents.
  const [form, setForm] = useState<EmbedForm | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
  }, [open]);

  const onClose = () => {
    setOpen(false);
    opener.current?.focus();
  };
  // A click on the backdrop lands on the <dialog> itself (its content fills it edge to edge).
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) e.currentTarget.close();
  };

  return (
    <>
      <button type="button" className="embed-open" ref={opener} onClick={() => setOpen(true)} aria-haspopup="dialog" title={w.embedOpenTitle}>
        {w.embedOpen}
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape (native to a modal dialog) and the Close button. */}
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId} onClose={onClose} onClick={onBackdrop}>
        <div className="embed-dialog-body">
          <div className="embed-dialog-head">
            <h2 id={titleId}>{w.embedTitle}</h2>
            <button type="button" onClick={() => dialog.current?.close()}>
              {w.close}
            </button>
          </div>
          {open && (
            <Suspense fallback={<p className="hint">{w.embedLoading}</p>}>
              <EmbedDialogContent form={form} onChange={setForm} />
            </Suspense>
          )}
        </div>
      </dialog>
    </>
  );
}
