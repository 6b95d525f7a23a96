import type { SessionConfig } from '../core/session';
import { EngineHost } from '../worker/engineHost';
import type { FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import type { AppLoopTiming } from './types';

/** Play time before counting: the host's chunk size adapts over its first slices. */
const SETTLE_MS = 300;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Time the runs the way the app runs them: the real EngineHost (time slices, adaptive chunks,
 * snapshots at ~30 Hz with quadrature KLs, q on the grid and display samples), driven through its
 * protocol. Counts steps from the snapshots it posts. The host calibrates the session's backend
 * on configure (a short timing run), as in the app.
 */
export async function appLoopTiming(session: SessionConfig, budgetMs: number): Promise<AppLoopTiming> {
  const nRuns = session.runs.length;
  const latest: { step: number; at: number }[] = session.runs.map(() => ({ step: 0, at: 0 }));
  let snapshots0 = 0;
  let reported = 0;
  const failure: { message: string | null } = { message: null };
  const host = new EngineHost((msg: FromWorker) => {
    if (msg.type === 'snapshot') {
      latest[msg.run] = { step: msg.snapshot.step, at: performance.now() };
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
    const start = latest.map((l) => ({ ...l }));
    const snaps0 = snapshots0;
    const t0 = performance.now();
    await sleep(budgetMs);
    const end = latest.map((l) => ({ ...l }));
    const snaps = snapshots0 - snaps0;
    const ms = performance.now() - t0;
    await send({ type: 'pause' });
    if (failure.message) throw new Error(failure.message);
    // Steps between the first and last snapshot of each run in the window, over the time between them.
    let stepsPerSecond = 0;
    for (let i = 0; i < nRuns; i++) {
      const dt = end[i].at - start[i].at;
      if (dt > 0) stepsPerSecond += ((end[i].step - start[i].step) / dt) * 1000;
    }
    return { stepsPerSecond, snapshotsPerSecond: (snaps / ms) * 1000, reportedStepsPerSecond: reported, ms };
  } finally {
    // The protocol has no "dispose": the paused host keeps its (small) runs until the worker ends.
    await send({ type: 'pause' });
  }
}
