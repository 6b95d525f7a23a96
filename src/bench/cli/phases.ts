import '@tensorflow/tfjs-backend-cpu';
import type { Browser } from '@playwright/test';
import { tf } from '../../core/tf';
import { kernelsPerStep } from '../kernels';
import { measureCeilings, measureWorkloads } from '../measure';
import type { EngineBench, MeasurePlan, NodeBench } from '../types';
import { FAMILY_WORKLOADS, autoplayLink, configFor } from '../workloads';

/** Wall-time budgets: the whole bench takes a few minutes on a 2-core machine. */
export const BUDGET = {
  nodeRawMs: 1000,
  ceilingMs: 1000,
  worker: [
    { backend: 'cpu', rawMs: 1000, appMs: 1500 },
    { backend: 'webgl', rawMs: 500, appMs: 700 },
  ],
  /** Page loads per family for the first-step latency (the median is reported). */
  firstStepTrials: 5,
  firstStepTimeoutMs: 30_000,
} as const satisfies { worker: MeasurePlan['backends'] } & Record<string, unknown>;

export interface FirstStep {
  readonly family: string;
  /** Navigation start → first step > 0 on the page, one per trial (ms). */
  readonly ms: readonly number[];
  readonly medianMs: number | null;
  readonly error?: string;
}

export interface BenchResults {
  readonly node: NodeBench;
  readonly worker: EngineBench | null;
  readonly firstStep: readonly FirstStep[];
  /** Phases that could not measure (the CLI exits 1 when there is one). */
  readonly failures: readonly { readonly phase: string; readonly error: string }[];
}

export type Progress = (text: string) => void;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Node (tfjs cpu): the ceilings, each family's raw Run steps/s and the four runs', and the tfjs
 * kernels one step takes on the tfjs path (`new Run(config, { fastPath: false })`).
 */
export async function nodePhase(progress: Progress): Promise<NodeBench> {
  // Production mode: in test mode tfjs keeps a record of every kernel and never drops it.
  tf.enableProdMode();
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs cpu backend did not start');
  progress('node: ceilings');
  const ceilings = measureCeilings(BUDGET.ceilingMs);
  const t0 = performance.now();
  const workloads = await measureWorkloads('cpu', BUDGET.nodeRawMs, null, (text) => progress(`node ${text}`));
  const ms = performance.now() - t0;
  progress('node: tfjs kernels per step');
  const kernels: NodeBench['kernels'][number][] = [];
  for (const w of FAMILY_WORKLOADS) {
    try {
      kernels.push({ family: w.id, count: await kernelsPerStep(configFor(w.runs[0])) });
    } catch (e) {
      kernels.push({ family: w.id, count: null, error: message(e) });
    }
  }
  return {
    where: 'node',
    userAgent: `Node ${process.version}`,
    backends: [{ where: 'node', backend: 'cpu', available: true, workloads, ms }],
    ceilings,
    kernels,
  };
}

/** The bench page's worker: ceilings, then raw and in-app steps/s of every workload on each backend. */
export async function workerPhase(browser: Browser, benchUrl: string, progress: Progress): Promise<EngineBench> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('[bench]')) progress(`  ${text.slice(8)}`);
      else if (msg.type() === 'error') progress(`  page error: ${text}`);
    });
    page.on('pageerror', (e) => progress(`  page error: ${e.message}`));
    await page.goto(benchUrl);
    await page.waitForFunction(() => window.viBench !== undefined);
    const plan: MeasurePlan = { backends: BUDGET.worker, ceilingMs: BUDGET.ceilingMs };
    return await page.evaluate((p) => {
      const bench = window.viBench;
      if (!bench) throw new Error('the bench page did not start');
      return bench.measure(p);
    }, plan);
  } finally {
    await context.close();
  }
}

declare global {
  interface Window {
    /** performance.now() when the page's step read-out first showed a step > 0 (first-step latency). */
    __viFirstStepAt?: number | null;
  }
}

/**
 * Installed before the app's scripts: notes when the step read-out (data-testid="metric-step",
 * as the e2e tests read it) first shows a step > 0. performance.now() counts from navigation.
 */
function installFirstStepWatch(): void {
  window.__viFirstStepAt = null;
  const check = () => {
    if (window.__viFirstStepAt !== null) return;
    const text = document.querySelector('[data-testid="metric-step"]')?.textContent ?? '';
    if (/[1-9]/.test(text)) window.__viFirstStepAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * First-step latency: the built app opened with a link that plays one family on the bench target,
 * in a fresh browser context each time (cold cache, as a learner following a link), timed from
 * navigation to the first step > 0 on the page.
 */
export async function firstStepPhase(browser: Browser, appBase: string, progress: Progress): Promise<FirstStep[]> {
  const results: FirstStep[] = [];
  for (const w of FAMILY_WORKLOADS) {
    const ms: number[] = [];
    let error: string | undefined;
    for (let trial = 0; trial < BUDGET.firstStepTrials && error === undefined; trial++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(installFirstStepWatch);
        await page.goto(`${appBase}index.html${autoplayLink(w.id)}`);
        await page.waitForFunction(() => typeof window.__viFirstStepAt === 'number', null, { timeout: BUDGET.firstStepTimeoutMs });
        ms.push(await page.evaluate(() => window.__viFirstStepAt ?? Number.NaN));
      } catch (e) {
        error = message(e).split('\n')[0];
      } finally {
        await context.close();
      }
    }
    const medianMs = median(ms);
    progress(`  ${w.id}: ${medianMs === null ? `failed (${error})` : `${medianMs.toFixed(0)} ms`}`);
    results.push({ family: w.id, ms, medianMs, ...(error === undefined ? {} : { error }) });
  }
  return results;
}
