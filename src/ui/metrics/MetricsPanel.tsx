import type { ReactNode } from 'react';
import { findObjective } from '../../core/objectives/registry';
import { usePlayground } from '../../state/store';
import { formatError, formatValue } from '../format';

/**
 * The numbers under the plot, each true: ELBO is a fresh Monte Carlo estimate with its standard
 * error; log Z and both KLs come from quadrature on the grid (or log Z − ELBO where q's density
 * is known only at its samples). The identity log Z = ELBO + KL is shown with its residual.
 */
export function MetricsPanel() {
  const snapshot = usePlayground((s) => s.snapshot);
  const objectiveId = usePlayground((s) => s.config.objective.id);
  if (!snapshot) return <section className="panel metrics-panel">Waiting for the first frame…</section>;
  const { elbo, elboStdErr, klQP, klPQ, khat, cubo, gradSnr, objectiveBound, klMethod } = snapshot;
  const logZ = snapToZero(snapshot.logZ);
  const objective = findObjective(objectiveId);
  return (
    <section className="panel metrics-panel" aria-label="Metrics">
      <dl className="readouts">
        <Readout label="ELBO" testId="metric-elbo" className="elbo" value={elbo} unit={elboStdErr !== null ? `± ${formatError(elboStdErr)} nats` : 'q has no density'} />
        <Readout
          label="KL(q‖p)"
          testId="metric-kl"
          className="kl"
          value={klQP}
          unit={klMethod === 'elbo-gap' ? 'nats, = log Z − ELBO' : klMethod === 'unavailable' ? 'needs a density' : 'nats, quadrature'}
        />
        <Readout label="log Z" testId="metric-logz" className="logz" value={logZ} unit="nats, quadrature" />
      </dl>
      <dl className="secondary">
        <Row label="KL(p‖q)" testId="metric-klpq" value={klPQ} note={klPQ === null ? 'needs log q on the grid' : 'nats'} />
        {objective && objective.id !== 'reverse-kl' && objective.id !== 'forward-kl' && <Row label={`${objective.name} bound`} testId="metric-bound" value={objectiveBound} note="nats" />}
        <Row
          label="CUBO₂ upper bound"
          testId="metric-cubo"
          value={cubo}
          note={cubo !== null && cubo < logZ ? 'below log Z: its samples never reach the mass q misses' : 'nats'}
        />
        <Row label="PSIS k̂" testId="metric-khat" value={khat} note={khatVerdict(khat)} />
        <Row label="gradient SNR" testId="metric-snr" value={gradSnr} note="median |mean| / sd over 6 batches" />
      </dl>
      {elbo !== null && klQP !== null && elboStdErr !== null && <Identity elbo={elbo} kl={klQP} logZ={logZ} se={elboStdErr} method={klMethod} />}
      <p className="fineprint">
        All in nats. ELBO: Monte Carlo over {snapshot.evalSamples} fresh samples (± 1 s.e.). log Z
        {klMethod === 'quadrature' ? ' and both KLs' : ''}: quadrature on the plot grid.
      </p>
    </section>
  );
}

function Readout(props: { label: string; testId: string; value: number | null; unit: ReactNode; className?: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} className={props.className}>
        {props.value === null ? '—' : formatValue(props.value)}
        <span className="unit">{props.unit}</span>
      </dd>
    </div>
  );
}

function Row(props: { label: string; testId: string; value: number | null; note: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        {props.value === null ? '—' : formatValue(props.value)} <span className="unit">{props.note}</span>
      </dd>
    </div>
  );
}

function Identity(props: { elbo: number; kl: number; logZ: number; se: number; method: string }) {
  const { elbo, kl, logZ, se } = props;
  if (props.method !== 'quadrature') {
    return <p className="identity">KL(q‖p) here is log Z − ELBO: q's density is known only at its samples.</p>;
  }
  const sum = elbo + kl;
  const residual = sum - logZ;
  const agree = Math.abs(residual) <= 3 * se + 1e-6;
  return (
    <p className="identity" data-testid="identity">
      ELBO + KL(q‖p) = {formatValue(sum)} vs log Z = {formatValue(logZ)}{' '}
      <span className={agree ? 'ok' : 'off'}>
        ({agree ? 'agree' : 'differ'}: gap {formatError(residual)}, 3 s.e. = {formatError(3 * se)})
      </span>
    </p>
  );
}

function khatVerdict(k: number | null): string {
  if (k === null || Number.isNaN(k)) return '';
  if (k < 0.5) return 'good (< 0.5)';
  if (k < 0.7) return 'ok (0.5–0.7)';
  return 'not to be trusted (> 0.7)';
}

/** Quadrature in float32 leaves |log Z| ~ 1e−7 for normalised targets: show that as 0. */
function snapToZero(v: number): number {
  return Math.abs(v) < 5e-6 ? 0 : v;
}
