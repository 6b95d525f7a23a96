import { describe, expect, it } from 'vitest';
import { ContourSlot } from './contourClient';
import { type ContourJob, type ContourResult, contourPaths } from './contourPaths';

const frame = { domain: { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] }, nx: 31, ny: 31 };

/** log q of a standard normal on the frame's grid, shifted by `dx` along x. */
function gaussianGrid(dx: number): Float32Array {
  const g = new Float32Array(frame.nx * frame.ny);
  for (let j = 0; j < frame.ny; j++)
    for (let i = 0; i < frame.nx; i++) {
      const x = -3 + (6 * i) / (frame.nx - 1) - dx;
      const y = -3 + (6 * j) / (frame.ny - 1);
      g[j * frame.nx + i] = -0.5 * (x * x + y * y);
    }
  return g;
}
const qJob = (dx: number): ContourJob => ({ kind: 'q', frame, logq: gaussianGrid(dx), masses: [0.393, 0.865] });

/** A runner whose jobs finish when the test says so, in any order. */
function manualRunner() {
  const started: { job: ContourJob; finish: () => void }[] = [];
  const run = (job: ContourJob) =>
    new Promise<ContourResult>((resolve) => {
      started.push({ job, finish: () => resolve(contourPaths(job)) });
    });
  return { run, started };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('contourPaths', () => {
  it("draws q's regions as one closed path each, innermost first", () => {
    const { paths } = contourPaths(qJob(0));
    expect(paths.map((p) => p.value)).toEqual([0, 1]);
    for (const p of paths) expect(p.d).toMatch(/^M[\d.]+,[\d.]+L.*Z$/);
  });

  it("draws p's bands with their levels and the density's peak", () => {
    const { paths, max } = contourPaths({ kind: 'p', frame, logp: gaussianGrid(0), logZ: 0, levels: 4 });
    expect(max).toBeCloseTo(1);
    expect(paths.map((p) => p.value)).toEqual([0.125, 0.375, 0.625, 0.875]);
  });
});

describe('ContourSlot', () => {
  it('computes the newest job after the one in hand, dropping those in between', async () => {
    const { run, started } = manualRunner();
    const got: ContourJob[] = [];
    const slot = new ContourSlot(run, (_, job) => got.push(job));
    const [a, b, c] = [qJob(0), qJob(0.5), qJob(1)];
    slot.submit(a);
    slot.submit(b);
    slot.submit(c);
    expect(started.map((s) => s.job)).toEqual([a]);
    started[0].finish();
    await flush();
    expect(got).toEqual([a]);
    expect(started.map((s) => s.job)).toEqual([a, c]);
    started[1].finish();
    await flush();
    expect(got).toEqual([a, c]);
  });

  it('reports nothing once closed', async () => {
    const { run, started } = manualRunner();
    const got: ContourJob[] = [];
    const slot = new ContourSlot(run, (_, job) => got.push(job));
    slot.submit(qJob(0));
    slot.submit(qJob(1));
    slot.close();
    started[0].finish();
    await flush();
    expect(got).toEqual([]);
    expect(started).toHaveLength(1);
  });

  it('carries on after a job that failed', async () => {
    let calls = 0;
    const got: ContourJob[] = [];
    const slot = new ContourSlot(
      (job) => (++calls === 1 ? Promise.reject(new Error('lost')) : Promise.resolve(contourPaths(job))),
      (_, job) => got.push(job),
    );
    const [a, b] = [qJob(0), qJob(1)];
    slot.submit(a);
    slot.submit(b);
    await flush();
    expect(got).toEqual([b]);
  });
});
