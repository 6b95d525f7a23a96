import type { ComponentProps } from 'react';
import type { Snapshot, TargetField } from '../../core/engine/snapshot';
import type { Constraint } from '../../core/targets/types';
import { useWords } from '../i18n/words';
import { CurvePlot1D } from './CurvePlot1D';

/** The 1D view: p's density filled, q's density as a line, q's display samples as a rug. */
export function DensityPlot1D(props: {
  field: TargetField;
  snapshot: Snapshot | null;
  axisName?: string;
  colour?: string;
  overlay?: ComponentProps<typeof CurvePlot1D>['overlay'];
  hideRug?: boolean;
}) {
  const { field, snapshot, axisName = 'θ', colour, overlay, hideRug } = props;
  const w = useWords();
  const [x0, x1] = field.domain.x;
  const n = field.nx;
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const p = Array.from(field.logp, (v) => Math.exp(v - field.logZ));
  const q = snapshot?.logq && snapshot.fieldVersion === field.version ? Array.from(snapshot.logq, Math.exp) : null;
  return (
    <CurvePlot1D xs={xs} p={p} q={q} rug={snapshot?.samples ?? null} domain={field.domain.x} axisName={axisName} label={w.plot1DAlt} kl={snapshot?.klQP ?? null} colour={colour} overlay={overlay} hideRug={hideRug} />
  );
}

/**
 * The same densities in the model's own (constrained) space: a density moves by the change of
 * variables p_c(g(u)) = p_u(u) / |g′(u)|, so both curves are exact, not re-estimated.
 */
export function ConstrainedPlot1D(props: { field: TargetField; snapshot: Snapshot | null; constraint: Constraint; params: Readonly<Record<string, number>>; colour?: string }) {
  const { field, snapshot, constraint, params, colour } = props;
  const w = useWords();
  const [x0, x1] = field.domain.x;
  const n = field.nx;
  const us = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const xs = us.map((u) => constraint.toConstrained([u])[0]);
  const logJ = us.map((u) => constraint.logAbsDetJacobian([u]));
  const p = us.map((_, i) => Math.exp(field.logp[i] - field.logZ - logJ[i]));
  const logq = snapshot?.logq && snapshot.fieldVersion === field.version ? snapshot.logq : null;
  const q = logq ? us.map((_, i) => Math.exp(logq[i] - logJ[i])) : null;
  const rug = snapshot ? Array.from(snapshot.samples, (u) => constraint.toConstrained([u])[0]) : null;
  return (
    <CurvePlot1D
      xs={xs}
      p={p}
      q={q}
      rug={rug}
      domain={constraint.domain(params).x}
      axisName={constraint.names[0]}
      label={w.plotConstrainedAlt(constraint.names[0])}
      colour={colour}
    />
  );
}
