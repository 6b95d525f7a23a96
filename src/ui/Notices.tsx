import { actions } from '../state/controller';
import { usePlayground } from '../state/store';

/** Messages about the link, bad values and engine trouble: each says what happened and what to do. */
export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const error = usePlayground((s) => s.error);
  return (
    <div className="notices" aria-live="polite">
      {error && error.kind !== 'config' && (
        <div className="notice notice-error" role="alert">
          <strong>{error.kind === 'diverged' ? 'Diverged. ' : 'Engine error. '}</strong>
          {error.message}{' '}
          <button type="button" onClick={actions.reset}>
            Reset
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          {n.text}{' '}
          <button type="button" aria-label="Dismiss" onClick={() => actions.dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
