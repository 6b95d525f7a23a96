// `npm run smoothness`: how busy the page's main thread is while runs train and draw. For each
// link it waits for the warm-up, then counts main-thread long tasks (> 50 ms, the browser's
// PerformanceObserver 'longtask') over 15 s and times a click on Pause. Figures are printed, never
// asserted: the machines are shared and noisy (docs/testing.md). SMOOTHNESS_CPU=4 slows the page's
// CPU four times, as Lighthouse's mobile preset does (docs/bench.md#the-main-thread).
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.mjs';
import { serveBuilt } from './serveBuilt.mjs';

const LINKS = [
  ['one run', '#family=full-rank&autoplay=1'],
  ['two runs', '#family=mean-field,full-rank&autoplay=1'],
  ['four Gaussian-like runs', '#family=mean-field,full-rank,laplace,mean-field&autoplay=1'],
  ['four runs with a flow', '#family=mean-field,full-rank,mixture,planar-flow&autoplay=1'],
];
const WARM_MS = 25_000;
const WINDOW_MS = 15_000;
const CPU_SLOWDOWN = Number(process.env.SMOOTHNESS_CPU ?? 1);

const { base, server } = await serveBuilt();
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-background-networking'] });
let failed = false;
try {
  if (CPU_SLOWDOWN > 1) console.log(`CPU slowed ${CPU_SLOWDOWN}×`);
  console.log('link | long tasks / 15 s | their total | longest | click → handled | steps in window');
  for (const [name, link] of LINKS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (CPU_SLOWDOWN > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    page.on('pageerror', (e) => {
      failed = true;
      console.error(`page error: ${e.message}`);
    });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base + link);
    await page.waitForTimeout(WARM_MS);
    const step = async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '0').replace(/,/g, ''));
    const s0 = await step();
    await page.evaluate(() => {
      window.__longTasks = [];
    });
    await page.waitForTimeout(WINDOW_MS);
    const long = await page.evaluate(() => window.__longTasks);
    const s1 = await step();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Pause' }).click({ timeout: 60_000 });
    const click = Date.now() - t0;
    const total = long.reduce((a, b) => a + b, 0);
    console.log(`${name} | ${long.length} | ${total.toFixed(0)} ms | ${Math.max(0, ...long).toFixed(0)} ms | ${click} ms | ${s1 - s0}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
