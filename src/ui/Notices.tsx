import { Suspense, lazy } from 'react';
import { actions } from '../state/controller';
import { usePlayground } from '../state/store';
import { findFamilyInfo } from '../core/families/registry';
import { useCatalogueWords } from './i18n/catalogue';
import { useLang, useWords } from './i18n/words';
import { engineErrorText, noticeText } from './noticeText';

// Shown only after a run diverged: it loads then, not with the page.
const DivergenceAlert = lazy(() => import('./DivergenceAlert').then((m) => ({ default: m.DivergenceAlert })));


/**
 * Messages about the link, bad values and engine trouble: each says what happened and what to do,
 * worded now in the language on screen (the store keeps codes).
 */
export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const error = usePlayground((s) => s.error);
  const runs = usePlayground((s) => s.runs);
  const families = usePlayground((s) => s.session.runs.map((r) => r.family.id).join(','));
  const several = runs.length > 1;
  const w = useWords();
  const cat = useCatalogueWords();
  const familyName = (id: string | undefined) => {
    const f = id ? findFamilyInfo(id) : undefined;
    return f ? cat.familyName(f) : (id ?? '');
  };
  const lang = useLang();
  return (
    <section className="notices" aria-label={w.notices} aria-live="polite" data-part="notices">
      {error && error.kind !== 'config' && (
        <div className="notice notice-error" role="alert">
          <strong>{error.kind === 'crashed' ? w.engineKeepsStopping : w.engineError}</strong>
          {engineErrorText(error.said, w, lang, cat)}{' '}
          {error.kind === 'crashed' ? (
            <button type="button" onClick={() => window.location.reload()}>
              {w.reload}
            </button>
          ) : (
            <button type="button" onClick={actions.reset}>
              {w.reset}
            </button>
          )}
        </div>
      )}
      {runs.map((r, run) =>
        r.diverged ? (
          <Suspense key={r.key} fallback={null}>
            <DivergenceAlert run={run} divergence={r.diverged} label={several ? w.divergedWhich(String(run + 1), familyName(families.split(',')[run])) : ''} />
          </Suspense>
        ) : null,
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          {noticeText(n.message, w, lang, cat)}{' '}
          <button type="button" aria-label={w.dismiss} onClick={() => actions.dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
