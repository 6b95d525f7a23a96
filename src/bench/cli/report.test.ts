import { describe, expect, it } from 'vitest';
import type { BackendResult, NodeBench, WorkloadResult } from '../types';
import { FAMILY_WORKLOADS, FOUR_RUNS } from '../workloads';
import { judge } from './goals';
import type { BenchResults } from './phases';
import { ceilingTable, familyTable, report } from './print';

// Made-up figures (no timing): the goals and the table are judged and printed from results alone.
const workload = (id: string, raw: number, app: number | null, fast = true): WorkloadResult => ({
  id,
  label: id,
  status: 'ok',
  raw: { stepsPerSecond: raw, steps: raw, ms: 1000, warmupMs: 1, fastPath: [fast] },
  ...(app === null ? {} : { app: { stepsPerSecond: app, snapshotsPerSecond: 30, reportedStepsPerSecond: app, ms: 1000 } }),
});

const backend = (where: 'node' | 'worker', name: 'cpu' | 'webgl', ratio: number | null): BackendResult => ({
  where,
  backend: name,
  available: true,
  ms: 1,
  workloads: [...FAMILY_WORKLOADS, FOUR_RUNS].map((w) =>
    workload(w.id, 1000, ratio === null ? null : w.id === 'svgd' ? 500 : w.id === FOUR_RUNS.id ? 2500 : 1000 * ratio, w.id !== 'svgd'),
  ),
});

const node: NodeBench = {
  where: 'node',
  userAgent: 'Node test',
  backends: [backend('node', 'cpu', null)],
  ceilings: [
    { family: 'full-rank', samples: 256, stepsPerSecond: 2000, steps: 2000, ms: 1000, lossAfter: 0.52 },
    { family: 'planar-flow', samples: 256, stepsPerSecond: null, steps: 0, ms: 0, lossAfter: null },
  ],
  kernels: FAMILY_WORKLOADS.map((w) => ({ family: w.id, count: { kernels: 100, byName: [['Add', 100]] } })),
};

const results: BenchResults = {
  node,
  worker: { where: 'worker', userAgent: 'Chrome/1', backends: [backend('worker', 'cpu', 0.9), backend('worker', 'webgl', 0.5)], ceilings: [] },
  firstStep: FAMILY_WORKLOADS.map((w) => ({ family: w.id, marks: [], medianMs: w.id === 'realnvp' ? 1500 : 500, readyMedianMs: 300 })),
  bundle: { pageKb: 145.2, workerKb: 230.1, lazyKb: 120.4, languageKb: 15.8 },
  failures: [],
};

describe('bench goals and report', () => {
  it('judges each goal from the figures and names what missed', () => {
    const goals = judge(results);
    const find = (text: string) => goals.find((g) => g.goal.includes(text));
    expect(find('app/raw')?.ok).toBe(false);
    expect(find('app/raw')?.value).toContain('svgd 0.50');
    expect(find('4 runs')?.ok).toBe(true);
    expect(find('4 runs')?.value).toContain('2,500');
    expect(find('first step')?.ok).toBe(false);
    expect(find('first step')?.value).toContain('realnvp');
    // full-rank: engine 1000 over ceiling 2000; planar-flow has no fast path: n/a, not judged.
    expect(find('engine/ceiling ≥ 0.25 (Node)')?.ok).toBe(true);
    expect(find('engine/ceiling ≥ 0.25 (Node)')?.value).toBe('full-rank 0.50, planar-flow n/a');
    expect(find('engine/ceiling ≥ 0.25 (worker)')?.ok).toBeNull();
    expect(find('kernels')?.ok).toBeNull();
  });

  it('prints one row per family and the four runs, and "n/a" for an absent ceiling', () => {
    const rows = familyTable(results).split('\n');
    expect(rows).toHaveLength(2 + FAMILY_WORKLOADS.length + 1);
    expect(rows.find((r) => r.startsWith('svgd'))).toMatch(/\bno\b.*0\.50/);
    const ceilings = ceilingTable(results);
    expect(ceilings.split('\n').find((r) => r.startsWith('planar-flow'))).toContain('n/a');
    expect(ceilings.split('\n').find((r) => r.startsWith('mixture'))).toContain('n/a');
    const text = report({ ...results, worker: null, failures: [{ phase: 'worker', error: 'crashed' }] }, judge(results), 'head');
    expect(text).toContain('FAILED worker: crashed');
  });
});
