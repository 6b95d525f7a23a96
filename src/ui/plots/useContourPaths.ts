import { useEffect, useRef, useState } from 'react';
import { type ContourRunner, ContourSlot, runContours } from './contourClient';
import type { ContourJob, ContourResult } from './contourPaths';

export interface DrawnContours {
  readonly result: ContourResult;
  /** The job these are the contours of (the caller checks it still matches what it draws). */
  readonly job: ContourJob;
}

/**
 * A job's contours, computed off the main thread (contourClient.ts): the last finished job's
 * until the newest is done, null before the first. A null job computes nothing.
 */
export function useContourPaths(job: ContourJob | null, runner: ContourRunner = runContours): DrawnContours | null {
  const [drawn, setDrawn] = useState<DrawnContours | null>(null);
  const slot = useRef<ContourSlot | null>(null);
  useEffect(() => {
    const s = new ContourSlot(runner, (result, done) => setDrawn({ result, job: done }));
    slot.current = s;
    return () => s.close();
  }, [runner]);
  useEffect(() => {
    if (job) slot.current?.submit(job);
  }, [job]);
  return drawn;
}
