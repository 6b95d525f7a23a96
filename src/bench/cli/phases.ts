import type { BundleSizes } from './bundle';
import '@tensorflow/tfjs-backend-cpu';
import type { Browser } from '@playwright/test';
import { tf } from '../../core/tf';
import { kernelsPerStep } from '../kernels';
import { ceilingsOf, measureWorkloads } from '../measure';
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
  /** Page loads per family for the first-step latency (the median is reported); BENCH_TRIALS overrides (0 skips). */
  firstStepTrials: Number(process.env.BENCH_TRIALS ?? 5),
  firstStepTimeoutMs: 30_000,
} as const satisfies { worker: MeasurePlan['backends'] } & Record<string, unknown>;

export interface FirstStep {
  readonly family: string;
  /** One per page load. */
  readonly marks: readonly PageMarks[];
  /** Navigation start → first step > 0, median over the page loads (ms). */
  readonly medianMs: number | null;
  /** Navigation start → the engine named its backend, median (ms): the rest is the first steps. */
  readonly readyMedianMs: number | null;
  readonly error?: string;
}

export interface BenchResults {
  readonly node: NodeBench;
  readonly worker: EngineBench | null;
  readonly firstStep: readonly FirstStep[];
  /** Gzip sizes of the built app (null: dist/ could not be read). */
  readonly bundle: BundleSizes | null;
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
 * Node (tfjs cpu): each family's raw Run steps/s (with its ceiling beside it) and the four runs', and the tfjs
 * kernels one step takes on the tfjs path (`new Run(config, { fastPath: false })`).
 */
export async function nodePhase(progress: Progress): Promise<NodeBench> {
  // Production mode: in test mode tfjs keeps a record of every kernel and never drops it.
  tf.enableProdMode();
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs cpu backend did not start');
  const t0 = performance.now();
  const workloads = await measureWorkloads('cpu', BUDGET.nodeRawMs, null, (text) => progress(`node ${text}`), BUDGET.ceilingMs);
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
    ceilings: ceilingsOf(workloads),
    kernels,
  };
}

/**
 * The bench page's worker on one backend: raw and in-app steps/s of every workload (and the
 * ceilings when `ceilingMs` > 0). One page per backend, so a backend that hangs costs only its own.
 */
export async function workerPhase(browser: Browser, benchUrl: string, plan: MeasurePlan, progress: Progress): Promise<EngineBench> {
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
    return await page.evaluate((p) => {
      const bench = window.viBench;
      if (!bench) throw new Error('the bench page did not start');
      return bench.measure(p);
    }, plan);
  } finally {
    await context.close();
  }
}

/** Marks of one page load, in ms from navigation start. */
export interface PageMarks {
  /** The engine said which backend it runs on (after the backend calibration). */
  readonly readyMs: number | null;
  /** The step read-out first showed a step > 0. */
  readonly firstStepMs: number;
}

declare global {
  interface Window {
    __viMarks?: { ready: number | null; firstStep: number | null };
  }
}

/**
 * Installed before the app's scripts: notes when the backend read-out (data-testid="metric-backend")
 * first names a backend and when the step read-out (data-testid="metric-step", as the e2e tests
 * read it) first shows a step > 0. performance.now() counts from navigation start.
 */
function installMarks(): void {
  const marks: { ready: number | null; firstStep: number | null } = { ready: null, firstStep: null };
  window.__viMarks = marks;
  const check = () => {
    if (marks.ready === null && /cpu|webgl/.test(document.querySelector('[data-testid="metric-backend"]')?.textContent ?? '')) marks.ready = performance.now();
    if (marks.firstStep === null && /[1-9]/.test(document.querySelector('[data-testid="metric-step"]')?.textContent ?? '')) marks.firstStep = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

/** One page load of the built app with a link, in a fresh browser context (cold cache, as a learner following a link). */
async function loadMarks(browser: Browser, url: string): Promise<PageMarks> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installMarks);
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__viMarks?.firstStep === 'number', null, { timeout: BUDGET.firstStepTimeoutMs });
    const marks = await page.evaluate(() => window.__viMarks);
    return { readyMs: marks?.ready ?? null, firstStepMs: marks?.firstStep ?? Number.NaN };
  } finally {
    await context.close();
  }
}

/**
 * First-step latency of one family: the built app opened with a link that plays it on the bench
 * target, timed from navigation to the first step > 0 on the page, BUDGET.firstStepTrials times.
 */
export async function firstStepOf(browser: Browser, appBase: string, familyId: string): Promise<FirstStep> {
  const marks: PageMarks[] = [];
  try {
    for (let trial = 0; trial < BUDGET.firstStepTrials; trial++) marks.push(await loadMarks(browser, `${appBase}index.html${autoplayLink(familyId)}`));
  } catch (e) {
    return { family: familyId, marks, medianMs: median(marks.map((m) => m.firstStepMs)), readyMedianMs: null, error: message(e).split('\n')[0] };
  }
  const ready = marks.map((m) => m.readyMs).filter((m): m is number => m !== null);
  return { family: familyId, marks, medianMs: median(marks.map((m) => m.firstStepMs)), readyMedianMs: median(ready) };
}
