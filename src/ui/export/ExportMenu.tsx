import { type KeyboardEvent, lazy, Suspense, useRef, useState } from 'react';
import { useWords } from '../i18n/words';

/** The items, with their pictures and writers: loaded when the menu first opens (issue 9: the page's first JS). */
const ExportList = lazy(() => import('./ExportList').then((m) => ({ default: m.ExportList })));

/**
 * The top bar's Export menu (docs/export.md): each plot and chart as PNG (2×) or SVG, the full
 * metric history as CSV or JSON, the run summary as JSON, and each run as a NumPyro or PyMC
 * script. A <details> disclosure: it opens and closes by click or keyboard, Escape closes it.
 * Its items are rendered while it is open, so they list the pictures on screen at that moment.
 */
export function ExportMenu() {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const w = useWords();
  const close = () => {
    if (details.current) details.current.open = false;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      close();
      details.current?.querySelector('summary')?.focus();
    }
  };
  return (
    <details className="export-menu" ref={details} onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKey}>
      <summary title={w.exportTitle}>{w.exportMenu}</summary>
      {open && (
        <Suspense fallback={<div className="export-list" aria-busy="true" />}>
          <ExportList close={close} />
        </Suspense>
      )}
    </details>
  );
}
