import { useEffect, useId, useRef, useState } from 'react';
import { useWords } from '../i18n/words';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on screen. */
const COPIED_MS = 1800;

/**
 * A read-only snippet with a Copy button. Where the clipboard is refused (an insecure origin, a
 * browser that asks and is told no) the text is selected instead, so Ctrl+C copies it.
 */
export function SnippetBox(props: { label: string; hint: string; text: string; copyLabel: string }) {
  const { label, hint, text, copyLabel } = props;
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const w = useWords();

  // A new snippet is not the one that was copied.
  // biome-ignore lint/correctness/useExhaustiveDependencies: text is the trigger, not read.
  useEffect(() => setState('idle'), [text]);
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    const selectText = () => {
      area.current?.focus();
      area.current?.select();
      setState('failed');
    };
    if (!navigator.clipboard) {
      selectText();
      return;
    }
    navigator.clipboard.writeText(text).then(() => setState('copied'), selectText);
  };

  return (
    <div className="snippet">
      <div className="snippet-head">
        <label htmlFor={id} className="snippet-label">
          {label}
        </label>
        <span className="snippet-status" role="status">
          {state === 'copied' ? w.snippetCopied : state === 'failed' ? w.snippetSelected : ''}
        </span>
        <button type="button" onClick={copy} aria-label={copyLabel}>
          {w.snippetCopy}
        </button>
      </div>
      <textarea id={id} ref={area} readOnly value={text} rows={4} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <p className="snippet-hint">{hint}</p>
    </div>
  );
}
