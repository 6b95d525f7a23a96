/** One point of the metric curves (NaN where the run's family has no such number). */
export interface HistoryPoint {
  readonly step: number;
  readonly elbo: number;
  readonly elboStdErr: number;
  readonly kl: number;
  readonly logZ: number;
}

/** Curves stay under this many points: older halves are thinned, recent detail is kept. */
export const HISTORY_LIMIT = 2000;

/** Append a point, thinning every other point of the older half once the limit is reached. */
export function appendHistory(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const last = history[history.length - 1];
  if (last && last.step === point.step) return [...history.slice(0, -1), point];
  if (last && point.step < last.step) return [point];
  if (history.length < HISTORY_LIMIT) return [...history, point];
  const half = history.length >> 1;
  const thinned = history.slice(0, half).filter((_, i) => i % 2 === 0);
  return [...thinned, ...history.slice(half), point];
}
