// `npm run soak [-- MINUTES]`: open the built playground in Chromium, let it train for MINUTES
// (default 10), and print the JS heap of the page and of the engine worker at the start and at
// the end, each after a forced garbage collection. A leak shows as a heap that keeps growing.
// Figures are printed, never asserted (the machines are shared and noisy); exit 0 unless the
// page itself failed.
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium.mjs';
import { serveBuilt } from './serveBuilt.mjs';

const minutes = Number(process.argv[2] ?? 10);
if (!(minutes > 0)) {
  console.error('soak: MINUTES must be a positive number');
  process.exit(2);
}
// Families cycle so every engine path (fast path, tfjs autodiff, flows, particles) soaks.
const LINKS = [
  '#target=banana&family=full-rank&speed=100000&autoplay=1',
  '#target=banana&family=planar-flow&speed=100000&autoplay=1',
  '#target=multimodal&family=mixture&speed=100000&autoplay=1',
  '#target=donut&family=svgd&speed=100000&autoplay=1',
];

/** Heap of every inspectable target of the page (itself and its workers), after a GC. */
async function heaps(browserSession) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const out = {};
  for (const t of targetInfos.filter((x) => x.type === 'page' || x.type === 'worker')) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    const call = (method, params = {}) =>
      new Promise((resolve) => {
        const id = Math.floor(Math.random() * 1e9);
        const onMessage = (event) => {
          if (event.sessionId !== sessionId) return;
          const msg = JSON.parse(event.message);
          if (msg.id === id) {
            browserSession.off('Target.receivedMessageFromTarget', onMessage);
            resolve(msg.result ?? {});
          }
        };
        browserSession.on('Target.receivedMessageFromTarget', onMessage);
        browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    out[t.type === 'page' ? 'page' : `worker ${t.url.split('/').pop()}`] = usage.usedSize;
    await browserSession.send('Target.detachFromTarget', { sessionId });
  }
  return out;
}

const mb = (b) => (b === undefined ? '—' : `${(b / 2 ** 20).toFixed(1)} MB`);

const { base, server } = await serveBuilt();
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-background-networking'] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => {
    failed = true;
    console.error(`page error: ${e.message}`);
  });
  const cdp = await browser.newBrowserCDPSession();
  // Warm up on every link first: each family's first run loads code and registers kernels once,
  // which is a one-off cost, not a leak. The start reading is taken after that.
  await page.goto(base + LINKS[0]);
  for (const link of [...LINKS.slice(1), LINKS[0]]) {
    await page.getByTestId('metric-step').filter({ hasNotText: /^0$/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(5_000);
    await page.evaluate((h) => { window.location.hash = h; }, link);
  }
  await page.waitForTimeout(5_000);
  const start = await heaps(cdp);
  const steps = (await page.getByTestId('metric-step').textContent()) ?? '';
  console.log(`start  (step ${steps}): ${Object.entries(start).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  const t0 = Date.now();
  const end = t0 + minutes * 60_000;
  let i = 0;
  while (Date.now() < end) {
    // Change the run once a minute within the same page (the worker rebuilds its runs): the
    // steady state that matters is a learner who keeps changing things without reloading.
    await page.waitForTimeout(Math.min(60_000, end - Date.now()));
    i = (i + 1) % LINKS.length;
    if (Date.now() < end) await page.evaluate((h) => { window.location.hash = h; }, LINKS[i]);
    const now = await heaps(cdp);
    console.log(`${((Date.now() - t0) / 60_000).toFixed(1)} min: ${Object.entries(now).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  }
  // Back to the first link for a like-for-like end reading.
  await page.evaluate((h) => { window.location.hash = h; }, LINKS[0]);
  await page.waitForTimeout(5_000);
  const last = await heaps(cdp);
  console.log(`end    (${minutes} min): ${Object.entries(last).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  for (const k of Object.keys(start)) {
    if (last[k] !== undefined) console.log(`  ${k}: ${mb(start[k])} → ${mb(last[k])} (${((last[k] / start[k]) * 100 - 100).toFixed(1)} %)`);
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
