import type { FitWarning, Snapshot } from '../../core/engine/snapshot';
import { formatCount, formatError, formatValue } from '../format';
import type { Words } from '../i18n/words';

/** How KL(q‖p) was obtained, in words beside its value (codes: core/engine/snapshot.ts). */
export function klQPNote(s: Pick<Snapshot, 'klMethod' | 'klStdErr' | 'klReason'>, w: Words): string {
  if (s.klMethod === 'quadrature') return w.klByQuadrature;
  if (s.klMethod === 'elbo-gap') return s.klStdErr === null ? w.klByGap : w.klByGapSe(formatError(s.klStdErr));
  return s.klReason === 'elbo-not-finite' ? w.klElboNotFinite : w.klNeedsDensity;
}

export function klPQNote(s: Pick<Snapshot, 'klPQMethod'>, w: Words): string {
  return s.klPQMethod === 'quadrature' ? w.klByQuadrature : w.klPQNeedsLogq;
}

/** One plain line when the fit is far from p, or null (thresholds: core/engine/readouts.ts). */
export function warningLine(warnings: readonly FitWarning[], w: Words): string | null {
  if (warnings.length === 0) return null;
  return w.farFromP(warnings.map((x) => warningPhrase(x, w)).reduce((a, b) => w.farAnd(a, b)));
}

function warningPhrase(x: FitWarning, w: Words): string {
  const v = x.value ?? Number.NaN;
  switch (x.code) {
    case 'kl-large':
      return w.warnKlLarge(formatValue(v));
    case 'khat-high':
      return w.warnKhatHigh(formatError(v));
    case 'q-outside-box':
      return w.warnOutside(formatValue(v * 100));
    case 'kl-not-finite':
      return w.warnKlNotFinite;
  }
}

/**
 * How fresh the expensive read-outs are: while playing they refresh when they can take at most a
 * tenth of the engine's time (core/engine/readoutBudget.ts), so they may trail the step counter.
 */
export function freshness(snapshot: Snapshot, w: Words): string {
  if (snapshot.readoutStep >= snapshot.step) return w.readoutsAt(formatCount(snapshot.step));
  return w.readoutsBehind(formatCount(snapshot.readoutStep), formatCount(snapshot.step - snapshot.readoutStep));
}

/** How far PSIS k̂ can be trusted (Vehtari et al.'s thresholds). */
export function khatVerdict(k: number | null, w: Words): string {
  if (k === null || Number.isNaN(k)) return '';
  if (k < 0.5) return w.khatGood;
  if (k < 0.7) return w.khatOk;
  return w.khatBad;
}
