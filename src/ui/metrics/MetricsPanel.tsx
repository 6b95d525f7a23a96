import type { ReactNode } from 'react';
import type { Snapshot } from '../../core/engine/snapshot';
import { findObjective } from '../../core/objectives/registry';
import { GapBar } from './GapBar';
import { freshness, klPQNote, klQPNote, warningLine } from './wording';
import { usePlayground } from '../../state/store';
import { formatCount, formatError, formatValue } from '../format';

/**
 * The numbers under the plot, each true and each saying how it was obtained: ELBO is a fresh
 * Monte Carlo estimate with its standard error; log Z comes from quadrature on the grid; KL(q‖p)
 * from quadrature only when the grid holds q, else log Z − ELBO ± its s.e. (core/engine/readouts.ts).
 * The identity log Z = ELBO + KL is shown with its residual, and a fit far from p says so.
 */
export function MetricsPanel({ run }: { run: number }) {
  const snapshot = usePlayground((s) => s.runs[run]?.snapshot ?? null);
  const objectiveId = usePlayground((s) => s.session.runs[run]?.objective.id ?? '');
  if (!snapshot) return <section className="panel metrics-panel" data-part="metrics">Waiting for the first frame…</section>;
  const { elbo, elboStdErr, klQP, klPQ, khat, cubo, gradSnr, objectiveBound, klMethod } = snapshot;
  const warning = warningLine(snapshot.warnings);
  const logZ = snapToZero(snapshot.logZ);
  const objective = findObjective(objectiveId);
  return (
    <section className="panel metrics-panel" aria-label="Metrics" data-part="metrics">
      <dl className="readouts">
        <Readout label="ELBO" testId="metric-elbo" className="elbo" value={elbo} unit={elboStdErr !== null ? `± ${formatError(elboStdErr)} nats` : 'q has no density'} />
        <Readout
          label="KL(q‖p)"
          testId="metric-kl"
          className="kl"
          value={klQP}
          unit={klQPNote(snapshot)}
        />
        <Readout label="log Z" testId="metric-logz" className="logz" value={logZ} unit="nats, quadrature" />
      </dl>
      <GapBar run={run} />
      <dl className="secondary">
        <Row label="KL(p‖q)" testId="metric-klpq" value={klPQ} note={klPQNote(snapshot)} />
        {objective && objective.id !== 'reverse-kl' && objective.id !== 'forward-kl' && <Row label={`${objective.name} bound`} testId="metric-bound" value={objectiveBound} note="nats" />}
        <Row
          label="CUBO₂ upper bound"
          testId="metric-cubo"
          value={cubo}
          note={cubo !== null && cubo < logZ ? 'below log Z: its samples never reach the mass q misses' : 'nats'}
        />
        <Row label="PSIS k̂" testId="metric-khat" value={khat} note={khatVerdict(khat)} />
        <Row label="gradient SNR" testId="metric-snr" value={gradSnr} note={`median |mean| / sd over 6 batches, at step ${formatCount(snapshot.gradSnrStep)}`} />
      </dl>
      {warning && (
        <p className="caveat" role="status" data-testid="fit-warning">
          {warning}
        </p>
      )}
      {elbo !== null && klQP !== null && elboStdErr !== null && <Identity elbo={elbo} kl={klQP} logZ={logZ} se={elboStdErr} snapshot={snapshot} />}
      <p className="fineprint">
        All in nats. ELBO: Monte Carlo over {snapshot.evalSamples} fresh samples (± 1 s.e.). log Z
        {klMethod === 'quadrature' ? ' and both KLs' : snapshot.klPQMethod === 'quadrature' ? ' and KL(p‖q)' : ''}: quadrature on the plot grid.
        {snapshot.averagedOver > 0 && ` q: the average of its last iterates (${snapshot.averagedOver} steps, recent ones weighted most).`}{' '}
        <span data-testid="readout-step">{freshness(snapshot)}</span>
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

function Identity(props: { elbo: number; kl: number; logZ: number; se: number; snapshot: Snapshot }) {
  const { elbo, kl, logZ, se } = props;
  if (props.snapshot.klMethod !== 'quadrature') {
    const why = props.snapshot.density === 'samples' ? "q's density is known only at its samples" : "q reaches beyond the plot grid, where quadrature cannot follow it";
    return <p className="identity">KL(q‖p) here is log Z − ELBO: {why}.</p>;
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

export function khatVerdict(k: number | null): string {
  if (k === null || Number.isNaN(k)) return '';
  if (k < 0.5) return 'good (< 0.5)';
  if (k < 0.7) return 'ok (0.5–0.7)';
  return 'not to be trusted (> 0.7)';
}

/** Quadrature in float32 leaves |log Z| ~ 1e−7 for normalised targets: show that as 0. */
export function snapToZero(v: number): number {
  return Math.abs(v) < 5e-6 ? 0 : v;
}
