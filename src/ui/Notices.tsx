import { actions } from '../state/controller';
import { usePlayground } from '../state/store';
import { DivergenceAlert } from './DivergenceAlert';

/** Messages about the link, bad values and engine trouble: each says what happened and what to do. */
export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const error = usePlayground((s) => s.error);
  const diverged = usePlayground((s) => s.diverged);
  const several = diverged.length > 1;
  return (
    <div className="notices" aria-live="polite">
      {error && error.kind !== 'config' && (
        <div className="notice notice-error" role="alert">
          <strong>{error.kind === 'crashed' ? 'The engine keeps stopping. ' : 'Engine error. '}</strong>
          {error.message}{' '}
          {error.kind === 'crashed' ? (
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          ) : (
            <button type="button" onClick={actions.reset}>
              Reset
            </button>
          )}
        </div>
      )}
      {diverged.map((d, run) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the index is the run's identity (its slot in the worker)
        d ? <DivergenceAlert key={`run-${run}`} run={run} divergence={d} label={several ? ` (run ${run + 1})` : ''} /> : null,
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
