import { usePlayground } from '../../state/store';
import { formatError, formatValue } from '../format';

/**
 * The numbers under the plot, each true: ELBO is a fresh Monte Carlo estimate with its standard
 * error; log Z and both KLs come from quadrature on the grid. The identity log Z = ELBO + KL is
 * shown with its residual so a learner can check it.
 */
export function MetricsPanel() {
  const snapshot = usePlayground((s) => s.snapshot);
  if (!snapshot) return <section className="panel metrics-panel">Waiting for the first frame…</section>;
  const { elbo, elboStdErr, klQP, klPQ, logZ } = snapshot;
  const sum = elbo + klQP;
  const residual = sum - logZ;
  const withinNoise = Math.abs(residual) <= 3 * elboStdErr + 1e-6;
  return (
    <section className="panel metrics-panel" aria-label="Metrics">
      <dl className="readouts">
        <div>
          <dt>ELBO</dt>
          <dd data-testid="metric-elbo" className="elbo">
            {formatValue(elbo)} <span className="unit">± {formatError(elboStdErr)}</span>
          </dd>
        </div>
        <div>
          <dt>KL(q‖p)</dt>
          <dd data-testid="metric-kl" className="kl">
            {formatValue(klQP)} <span className="unit">nats</span>
          </dd>
        </div>
        <div>
          <dt>log Z</dt>
          <dd data-testid="metric-logz" className="logz">
            {formatValue(snapToZero(logZ))} <span className="unit">nats</span>
          </dd>
        </div>
        <div>
          <dt>KL(p‖q)</dt>
          <dd data-testid="metric-klpq">
            {formatValue(klPQ)} <span className="unit">nats</span>
          </dd>
        </div>
      </dl>
      <p className="identity" data-testid="identity">
        ELBO + KL(q‖p) = {formatValue(sum)} vs log Z = {formatValue(snapToZero(logZ))}{' '}
        <span className={withinNoise ? 'ok' : 'off'}>
          ({withinNoise ? 'agree' : 'differ'}: gap {formatError(residual)}, 3 s.e. = {formatError(3 * elboStdErr)})
        </span>
      </p>
      <p className="fineprint">
        All in nats. ELBO: Monte Carlo over {snapshot.evalSamples} fresh samples (± 1 s.e.). log Z and both KLs:
        quadrature on the plot grid.
      </p>
    </section>
  );
}

/** Quadrature in float32 leaves |log Z| ~ 1e−7 for normalised targets: show that as 0. */
function snapToZero(v: number): number {
  return Math.abs(v) < 5e-6 ? 0 : v;
}
