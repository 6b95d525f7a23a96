import type { ReactNode } from 'react';
import type { Snapshot } from '../../core/engine/snapshot';
import { findObjectiveInfo } from '../../core/objectives/registry';
import { GapBar } from './GapBar';
import { freshness, khatVerdict, klPQNote, klQPNote, warningLine } from './wording';
import { usePlayground } from '../../state/store';
import { formatCount, formatError, formatValue } from '../format';
import { type Words, useWords } from '../i18n/words';

/**
 * Waiting, the panel already takes about the room its numbers will (styles.css), so nothing below
 * it moves when they arrive (issue 9: layout shift).
 */
export function MetricsWaiting() {
  const w = useWords();
  return (
    <section className="panel metrics-panel metrics-waiting" data-part="metrics">
      {w.metricsWaiting}
    </section>
  );
}

/**
 * The numbers under the plot, each true and each saying how it was obtained: ELBO is a fresh
 * Monte Carlo estimate with its standard error; log Z comes from quadrature on the grid; KL(q‖p)
 * from quadrature only when the grid holds q, else log Z − ELBO ± its s.e. (core/engine/readouts.ts).
 * The identity log Z = ELBO + KL is shown with its residual, and a fit far from p says so.
 */
export function MetricsPanel({ run }: { run: number }) {
  const snapshot = usePlayground((s) => s.runs[run]?.snapshot ?? null);
  const objectiveId = usePlayground((s) => s.session.runs[run]?.objective.id ?? '');
  const w = useWords();
  if (!snapshot) return <MetricsWaiting />;
  const { elbo, elboStdErr, klQP, klPQ, khat, cubo, gradSnr, objectiveBound, klMethod } = snapshot;
  const warning = warningLine(snapshot.warnings, w);
  const logZ = snapToZero(snapshot.logZ);
  const objective = findObjectiveInfo(objectiveId);
  return (
    <section className="panel metrics-panel" aria-label={w.metricsLabel} data-part="metrics">
      <dl className="readouts">
        <Readout label="ELBO" testId="metric-elbo" className="elbo" value={elbo} unit={elboStdErr !== null ? w.elboUnit(formatError(elboStdErr)) : w.qNoDensity} />
        <Readout
          label="KL(q‖p)"
          testId="metric-kl"
          className="kl"
          value={klQP}
          unit={klQPNote(snapshot, w)}
        />
        <Readout label="log Z" testId="metric-logz" className="logz" value={logZ} unit={w.logZUnit} />
      </dl>
      <GapBar run={run} />
      <dl className="secondary">
        <Row label="KL(p‖q)" testId="metric-klpq" value={klPQ} note={klPQNote(snapshot, w)} />
        {objective && objective.id !== 'reverse-kl' && objective.id !== 'forward-kl' && <Row label={w.boundLabel(objective.name)} testId="metric-bound" value={objectiveBound} note={w.nats} />}
        <Row
          label={w.cuboLabel}
          testId="metric-cubo"
          value={cubo}
          note={cubo !== null && cubo < logZ ? w.cuboBelowLogZ : w.nats}
        />
        <Row label="PSIS k̂" testId="metric-khat" value={khat} note={khatVerdict(khat, w)} />
        <Row label={w.gradSnrLabel} testId="metric-snr" value={gradSnr} note={snapshot.gradSnrStep < 0 ? w.gradSnrPending : w.gradSnrNote(formatCount(snapshot.gradSnrStep))} />
      </dl>
      {warning && (
        <p className="caveat" role="status" data-testid="fit-warning">
          {warning}
        </p>
      )}
      {elbo !== null && klQP !== null && elboStdErr !== null && <Identity elbo={elbo} kl={klQP} logZ={logZ} se={elboStdErr} snapshot={snapshot} w={w} />}
      <p className="fineprint">
        {w.fineAllNats} {w.fineElbo(formatCount(snapshot.evalSamples))}{' '}
        {klMethod === 'quadrature' ? w.fineQuadBoth : snapshot.klPQMethod === 'quadrature' ? w.fineQuadKlPQ : w.fineQuadLogZ}
        {snapshot.averagedOver > 0 && ` ${w.fineAveraged(formatCount(snapshot.averagedOver))}`}{' '}
        <span data-testid="readout-step">{freshness(snapshot, w)}</span>
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

function Identity(props: { elbo: number; kl: number; logZ: number; se: number; snapshot: Snapshot; w: Words }) {
  const { elbo, kl, logZ, se, w } = props;
  if (props.snapshot.klMethod !== 'quadrature') {
    return <p className="identity">{props.snapshot.density === 'samples' ? w.identityGapSamples : w.identityGapBeyond}</p>;
  }
  const sum = elbo + kl;
  const residual = sum - logZ;
  const agree = Math.abs(residual) <= 3 * se + 1e-6;
  return (
    <p className="identity" data-testid="identity">
      {w.identitySum(formatValue(sum), formatValue(logZ))}{' '}
      <span className={agree ? 'ok' : 'off'}>{(agree ? w.identityAgree : w.identityDiffer)(formatError(residual), formatError(3 * se))}</span>
    </p>
  );
}

/** Quadrature in float32 leaves |log Z| ~ 1e−7 for normalised targets: show that as 0. */
export function snapToZero(v: number): number {
  return Math.abs(v) < 5e-6 ? 0 : v;
}
