import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { usePlayground } from '../../state/store';
import { formatHash } from '../../state/url';
import { EmbedPreview } from './EmbedPreview';
import { choicesOf, DEFAULT_FORM, type EmbedForm, EmbedOptions } from './EmbedOptions';
import { embedSnippets } from './embedSnippets';
import { SnippetBox } from './SnippetBox';

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
  // Kept across openings: an author tries a choice, closes, changes the demo, comes back.
  const [form, setForm] = useState<EmbedForm>(DEFAULT_FORM);

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
      <button type="button" className="embed-open" ref={opener} onClick={() => setOpen(true)} aria-haspopup="dialog" title="Put this demo in a course page">
        Embed
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard's way out is Escape (native to a modal dialog) and the Close button. */}
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId} onClose={onClose} onClick={onBackdrop}>
        <div className="embed-dialog-body">
          <div className="embed-dialog-head">
            <h2 id={titleId}>Embed this demo</h2>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          {open && <EmbedDialogContent form={form} onChange={setForm} />}
        </div>
      </dialog>
    </>
  );
}

/** The current configuration's snippets, live: the store's session as the link writes it. */
function EmbedDialogContent(props: { form: EmbedForm; onChange: (form: EmbedForm) => void }) {
  const { form, onChange } = props;
  const session = usePlayground((s) => s.session);
  const view = usePlayground((s) => s.view);
  const choices = choicesOf(form);
  // Cheap strings: this renders only when the session or a choice changes, not per snapshot.
  const snippets = embedSnippets(formatHash(session, view), choices, new URL('.', window.location.href));
  return (
    <div className="embed-dialog-grid">
      <EmbedOptions form={form} onChange={onChange} />
      <div className="embed-dialog-main">
        <EmbedPreview url={snippets.url} width={choices.width} height={choices.height} />
        <div className="embed-snippets">
          <SnippetBox
            label="iframe"
            copyLabel="Copy the iframe snippet"
            hint="Works anywhere HTML is allowed; the height stays as set."
            text={snippets.iframe}
          />
          <SnippetBox
            label="<vi-playground> element"
            copyLabel="Copy the element snippet"
            hint="One script line; the frame then follows its content's height."
            text={snippets.element}
          />
        </div>
      </div>
    </div>
  );
}
