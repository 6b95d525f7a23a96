import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { type BundleSizes, bundleSizes } from './bundle';
import { judge } from './goals';
import { BUDGET, type BenchResults, type FirstStep, type Progress, firstStepOf, nodePhase, workerPhase } from './phases';
import { report } from './print';
import { serveStatic } from './serve';
import type { EngineBench } from '../types';
import { FAMILY_WORKLOADS } from '../workloads';

/**
 * `npm run bench` (issue 9), bundled for Node by vite.bench.config.ts and started by
 * scripts/bench.mjs after the builds. Measures in one run and prints one table: per family the
 * raw and in-app steps/s, app/raw, the fast path, tfjs kernels per step and the first-step
 * latency; the four-run comparison; the ceilings. Writes .bench/results.json. Timings are
 * reported, never asserted: the exit code is 1 only when a phase could not measure.
 * Environment: CHROMIUM_PATH (the browser), BENCH_PORT (the static server's port; 0 = any free),
 * BENCH_TRIALS (page loads per family for the first-step latency; 5, 0 skips them).
 */
async function main(): Promise<number> {
  const t0 = Date.now();
  const loads: number[] = [];
  const progress: Progress = (text) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${text}`);
  const phase = (text: string) => {
    loads.push(loadavg()[0]);
    progress(`${text} (load ${loadavg()[0].toFixed(1)})`);
  };
  const failures: { phase: string; error: string }[] = [];
  /** One browser phase: a failure or a hang is recorded and reported, and the bench goes on. */
  const guarded = async <T>(name: string, seconds: number, fn: () => Promise<T>): Promise<T | null> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result after ${seconds} s`)), seconds * 1000);
      });
      return await Promise.race([fn(), timeout]);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      progress(`  ${name} FAILED: ${error}`);
      failures.push({ phase: name, error });
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

  phase('Node: raw Run steps/s and ceilings, tfjs kernels per step…');
  const node = await nodePhase(progress);

  const { server, base } = await serveStatic({ '/': 'dist', '/bench/': 'dist-bench/pages' }, Number(process.env.BENCH_PORT ?? 0));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let worker: EngineBench | null = null;
  const firstStep: FirstStep[] = [];
  try {
    progress(`browser: ${browser.version()} against ${base}`);
    const benchUrl = `${base}bench/bench.html`;
    const perBackend: EngineBench[] = [];
    for (const [i, b] of BUDGET.worker.entries()) {
      phase(`worker, ${b.backend}: raw${i === 0 ? ' (and ceilings)' : ''} and in-app steps/s…`);
      // The ceilings once, on the first backend's page (they are plain JS: the backend does not matter).
      const plan = { backends: [b], ceilingMs: i === 0 ? BUDGET.ceilingMs : 0 };
      const r = await guarded(`worker ${b.backend}`, 400, () => workerPhase(browser, benchUrl, plan, progress));
      if (r) perBackend.push(r);
    }
    if (perBackend.length > 0) {
      worker = { ...perBackend[0], backends: perBackend.flatMap((r) => r.backends), ceilings: perBackend.flatMap((r) => r.ceilings) };
    }
    phase(`first-step latency: the built app, one link per family, ${BUDGET.firstStepTrials} page loads each…`);
    for (const w of FAMILY_WORKLOADS) {
      const seconds = (BUDGET.firstStepTrials * BUDGET.firstStepTimeoutMs) / 1000 + 30;
      const f = (await guarded(`first step ${w.id}`, seconds, () => firstStepOf(browser, base, w.id))) ?? { family: w.id, marks: [], medianMs: null, readyMedianMs: null, error: 'no result' };
      const ms = (x: number | null) => (x === null ? '—' : `${x.toFixed(0)} ms`);
      progress(`  ${w.id}: first step ${ms(f.medianMs)} (engine ready ${ms(f.readyMedianMs)})${f.error ? `; ${f.error}` : ''}`);
      firstStep.push(f);
    }
  } finally {
    await browser.close();
    server.close();
  }

  let bundle: BundleSizes | null = null;
  try {
    bundle = bundleSizes('dist');
  } catch (e) {
    failures.push({ phase: 'bundle sizes', error: e instanceof Error ? e.message : String(e) });
  }
  const results: BenchResults = { node, worker, firstStep, bundle, failures };
  const goals = judge(results);
  const busy = Math.max(...loads) > cpus().length;
  const header = [
    `══ VI Playground benchmark ══ ${new Date().toISOString()}`,
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${node.userAgent} · ${worker?.userAgent.match(/Chrom\S+/)?.[0] ?? 'Chromium'}`,
    `took ${((Date.now() - t0) / 1000).toFixed(0)} s · load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores${busy ? ' ⚠ other processes competed for the CPU: timings are pessimistic' : ''}`,
  ].join('\n');
  console.log(`\n${report(results, goals, header)}`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), loads, goals, ...results }, null, 2)}\n`);
  console.log('\nwrote .bench/results.json');
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
