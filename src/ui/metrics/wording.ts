import type { FitWarning, Snapshot } from '../../core/engine/snapshot';
import { formatCount, formatError, formatValue } from '../format';

/** How KL(q‖p) was obtained, in words beside its value (codes: core/engine/snapshot.ts). */
export function klQPNote(s: Pick<Snapshot, 'klMethod' | 'klStdErr' | 'klReason'>): string {
  if (s.klMethod === 'quadrature') return 'nats, by quadrature';
  if (s.klMethod === 'elbo-gap') return s.klStdErr === null ? 'nats, log Z − ELBO' : `± ${formatError(s.klStdErr)} nats, log Z − ELBO`;
  return s.klReason === 'elbo-not-finite' ? 'the ELBO is not finite' : 'needs a density';
}

export function klPQNote(s: Pick<Snapshot, 'klPQMethod'>): string {
  return s.klPQMethod === 'quadrature' ? 'nats, by quadrature' : 'needs log q on the grid';
}

/** One plain line when the fit is far from p, or null (thresholds: core/engine/readouts.ts). */
export function warningLine(warnings: readonly FitWarning[]): string | null {
  if (warnings.length === 0) return null;
  return `q is far from p: ${warnings.map(warningPhrase).join('; ')}.`;
}

function warningPhrase(w: FitWarning): string {
  const v = w.value ?? Number.NaN;
  switch (w.code) {
    case 'kl-large':
      return `KL(q‖p) is ${formatValue(v)} nats`;
    case 'khat-high':
      return `PSIS k̂ = ${formatError(v)} (above 0.7, q's importance weights cannot be trusted)`;
    case 'q-outside-box':
      return `${formatValue(v * 100)} % of q lies outside the plot`;
    case 'kl-not-finite':
      return 'KL(q‖p) cannot be computed (the ELBO is not finite)';
  }
}

/**
 * How fresh the expensive read-outs are: while playing they refresh when they can take at most a
 * fifth of the engine's time (core/engine/readoutBudget.ts), so they may trail the step counter.
 */
export function freshness(snapshot: Snapshot): string {
  if (snapshot.readoutStep >= snapshot.step) return `Read-outs at step ${formatCount(snapshot.step)}.`;
  return `Read-outs at step ${formatCount(snapshot.readoutStep)}, ${formatCount(snapshot.step - snapshot.readoutStep)} steps behind (read-outs take at most a fifth of the engine's time).`;
}
