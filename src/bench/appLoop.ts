import type { SessionConfig } from '../core/session';
import { EngineHost } from '../worker/engineHost';
import type { FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import type { RawRuns } from './rawRuns';
import type { AppLoopTiming } from './types';

/** Play time before counting: the host's chunk size adapts over its first slices. */
const SETTLE_MS = 300;
/** One window of the app loop; the raw Runs' windows (when given) come between them. */
const APP_WINDOW_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A run's snapshots: the step and when it arrived. */
type Mark = { readonly step: number; readonly at: number };

/**
 * Time the runs the way the app runs them: the real EngineHost (time slices, adaptive chunks,
 * snapshots at ~30 Hz with quadrature KLs, q on the grid and display samples), driven through its
 * protocol. Counts steps from the snapshots it posts. The host calibrates the session's backend
 * on configure (a short timing run), as in the app.
 *
 * With `raw`, the app plays in windows of APP_WINDOW_MS and the raw Runs step between them
 * (`raw.ms` in all, synchronously, so the host waits meanwhile): app and raw are timed over the
 * same stretch of time, and a shared machine's drift moves both alike. Each window's rate is
 * counted from the first to the last snapshot inside it.
 */
export async function appLoopTiming(session: SessionConfig, budgetMs: number, raw: { runs: RawRuns; ms: number } | null = null): Promise<AppLoopTiming> {
  const nRuns = session.runs.length;
  const marks: Mark[][] = session.runs.map(() => []);
  let snapshots0 = 0;
  let reported = 0;
  const failure: { message: string | null } = { message: null };
  const host = new EngineHost((msg: FromWorker) => {
    if (msg.type === 'snapshot') {
      marks[msg.run].push({ step: msg.snapshot.step, at: performance.now() });
      if (msg.run === 0) snapshots0++;
      if (msg.playing) reported = msg.stepsPerSecond;
    } else if (msg.type === 'error') {
      failure.message = `${msg.kind}: ${msg.message}`;
    }
  });
  const send = (m: WithoutVersion<ToWorker>) => host.handle({ ...m, v: PROTOCOL_VERSION } as ToWorker);
  try {
    await send({ type: 'configure', session });
    await send({ type: 'play' });
    await sleep(SETTLE_MS);
    const windows = raw ? Math.max(1, Math.round(budgetMs / APP_WINDOW_MS)) : 1;
    const spans: { from: number; to: number }[] = [];
    let snaps = 0;
    for (let i = 0; i < windows; i++) {
      const from = performance.now();
      const s0 = snapshots0;
      await sleep(budgetMs / windows);
      spans.push({ from, to: performance.now() });
      snaps += snapshots0 - s0;
      if (raw) raw.runs.loop(raw.ms / windows);
    }
    await send({ type: 'pause' });
    if (failure.message) throw new Error(failure.message);
    const appMs = spans.reduce((sum, s) => sum + (s.to - s.from), 0);
    // Each run's steps between its first and last snapshot in each window, over the time between them.
    let stepsPerSecond = 0;
    for (let r = 0; r < nRuns; r++) {
      let steps = 0;
      let ms = 0;
      for (const { from, to } of spans) {
        const inside = marks[r].filter((m) => m.at >= from && m.at <= to);
        if (inside.length < 2) continue;
        steps += inside[inside.length - 1].step - inside[0].step;
        ms += inside[inside.length - 1].at - inside[0].at;
      }
      if (ms > 0) stepsPerSecond += (steps / ms) * 1000;
    }
    return { stepsPerSecond, snapshotsPerSecond: (snaps / appMs) * 1000, reportedStepsPerSecond: reported, ms: appMs };
  } finally {
    // The protocol has no "dispose": the paused host keeps its (small) runs until the worker ends.
    await send({ type: 'pause' });
  }
}
