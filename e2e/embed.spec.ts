import { type Page, expect, test } from '@playwright/test';
import { COURSE, type HostEvent, OTHER, hostEvents, openCoursePage, sendCommand } from './fixtures/coursePage';

// Three embeds (three engine workers) share two cores here: generous limits, waits on events.
test.describe.configure({ timeout: 300_000 });
// The course pages come from Playwright (no address), which Chromium counts as public; the built
// site is on loopback, and a public page may not frame a local one (Local Network Access). A real
// course page and a real deployment are both public, so the check is off for these tests only.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults'],
  },
});

const single = '#target=correlated-gaussian&target.rho=0.8&family=mean-field&hide=engine';
const comparison = '#target=banana&family=mean-field,full-rank';
const below = '#target=bimodal-1d&family=mixture&autoplay=1';

async function waitFor(page: Page, frame: number, match: (e: HostEvent['data']) => boolean, timeout = 90_000): Promise<HostEvent['data']> {
  let found: HostEvent['data'] | undefined;
  await expect
    .poll(
      async () => {
        found = (await hostEvents(page)).find((e) => e.frame === frame && match(e.data))?.data;
        return found !== undefined;
      },
      { timeout },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable');
  return found;
}

let ids = 0;
/** Send a command with a fresh id and wait for the reply that carries it. */
async function ask(page: Page, frame: number, command: Record<string, unknown>): Promise<HostEvent['data']> {
  const id = `q${++ids}`;
  await sendCommand(page, frame, { ...command, id });
  return waitFor(page, frame, (e) => e.id === id, 30_000);
}

const stepOf = async (page: Page, frame: number) => (await ask(page, frame, { type: 'getState' })).step as number;

test('a course page with three embeds: ready, play, pause, step, reset, configure, and a bad command changes nothing', async ({ page, baseURL }) => {
  await openCoursePage(page, baseURL ?? '/', [
    { hash: single, height: 560 },
    { hash: comparison, height: 700 },
    { hash: below, height: 520, gapAbove: 2500 },
  ]);
  for (const frame of [0, 1, 2]) {
    const ready = await waitFor(page, frame, (e) => e.type === 'ready');
    expect(ready).toMatchObject({ source: 'vi-playground', version: 1, playing: false, step: 0 });
  }
  const events = await hostEvents(page);
  expect(events.every((e) => e.data.source === 'vi-playground' && e.data.version === 1)).toBe(true);
  expect(new Set(events.map((e) => e.origin))).toEqual(new Set([new URL(baseURL ?? '').origin]));
  expect((await waitFor(page, 1, (e) => e.type === 'ready')).runs).toBe(2);

  // play → snapshots with each run's numbers; then converged
  await sendCommand(page, 1, { type: 'play' });
  const snap = await waitFor(page, 1, (e) => e.type === 'snapshot' && (e.step as number) > 50 && (e.runs as { kl: number | null }[]).every((r) => r.kl !== null));
  const runs = snap.runs as { family: string; elbo: number; kl: number; klpq: number | null; logZ: number }[];
  expect(runs.map((r) => r.family)).toEqual(['mean-field', 'full-rank']);
  for (const r of runs) {
    expect(Number.isFinite(r.elbo) && Number.isFinite(r.logZ)).toBe(true);
    expect(r.kl).toBeGreaterThanOrEqual(0);
  }
  await waitFor(page, 1, (e) => e.type === 'converged');

  // pause: the step count holds still
  expect((await ask(page, 1, { type: 'pause' })).playing).toBe(false);
  await settled(page, 1);
  const paused = await stepOf(page, 1);
  await page.waitForTimeout(1500);
  expect(await stepOf(page, 1)).toBe(paused);

  // step n: exactly n more
  await sendCommand(page, 0, { type: 'step', n: 25 });
  await expect.poll(() => stepOf(page, 0), { timeout: 60_000 }).toBe(25);

  // reset: back to step 0
  await sendCommand(page, 1, { type: 'reset' });
  await expect.poll(() => stepOf(page, 1), { timeout: 60_000 }).toBe(0);

  // configure: the same keys as a link, as a hash or an object
  const configured = await ask(page, 0, { type: 'configure', config: { target: 'correlated-gaussian', 'target.rho': 0.95, family: 'full-rank' } });
  expect(configured.type).toBe('state');
  expect(configured.hash).toContain('target.rho=0.95');
  expect(configured.hash).toContain('family=full-rank');
  expect(configured.url).toMatch(/\/#target=correlated-gaussian&target\.rho=0\.95/);
  await expect(page.frameLocator('#f0').getByRole('combobox', { name: 'variational family' })).toHaveValue('full-rank');

  // bad commands: an error with the id, and nothing changes
  const before = (await ask(page, 0, { type: 'getState' })).hash;
  const badValue = await ask(page, 0, { type: 'configure', config: '#target=banana&lr=5' });
  expect(badValue).toMatchObject({ type: 'error', kind: 'config' });
  expect(badValue.message).toMatch(/^lr/);
  const badType = await ask(page, 0, { type: 'launch' });
  expect(badType).toMatchObject({ type: 'error', kind: 'command' });
  expect(badType.message).toMatch(/unknown command type "launch"/);
  expect((await ask(page, 0, { type: 'getState' })).hash).toBe(before);
  await expect(page.frameLocator('#f0').getByRole('combobox', { name: 'target distribution' })).toHaveValue('correlated-gaussian');

  // a hidden part is gone from the frame
  await expect(page.frameLocator('#f0').getByTestId('metric-backend')).toBeHidden();
  await expect(page.frameLocator('#f0').getByRole('button', { name: 'Play' })).toBeVisible();
  await page.screenshot({ path: 'test-results/embed-course-page.png' });
});

/**
 * The steps the worker took before a pause reached it still land (the page paces its snapshots):
 * wait until the embed's step count stops moving (two readings 500 ms apart agree).
 */
async function settled(page: Page, frame: number): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await stepOf(page, frame);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
}

test('an embed out of view stops stepping, and goes on when scrolled back', async ({ page, baseURL }) => {
  await openCoursePage(page, baseURL ?? '/', [
    { hash: single, height: 560 },
    { hash: below, height: 520, gapAbove: 2500 },
  ]);
  await waitFor(page, 1, (e) => e.type === 'ready');
  // autoplay=1, but nobody has seen it yet: it waits
  await page.waitForTimeout(1500);
  expect(await stepOf(page, 1)).toBe(0);
  await page.locator('#f1').scrollIntoViewIfNeeded();
  await expect.poll(() => stepOf(page, 1), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Off screen it pauses: after the pause lands, the count holds still.
  await expect.poll(async () => (await ask(page, 1, { type: 'getState' })).playing, { timeout: 30_000 }).toBe(false);
  await settled(page, 1);
  const held = await stepOf(page, 1);
  await page.waitForTimeout(2000);
  expect(await stepOf(page, 1)).toBe(held);
  // A host's play while unseen waits for it to be seen, then plays.
  await sendCommand(page, 1, { type: 'play' });
  await page.waitForTimeout(1000);
  expect(await stepOf(page, 1)).toBe(held);
  await page.locator('#f1').scrollIntoViewIfNeeded();
  await expect.poll(() => stepOf(page, 1), { timeout: 60_000 }).toBeGreaterThan(held);
});

test('a hidden tab pauses the embed, and it plays on when the tab is back', async ({ page, baseURL }) => {
  await openCoursePage(page, baseURL ?? '/', [{ hash: single, height: 560 }]);
  await waitFor(page, 0, (e) => e.type === 'ready');
  await sendCommand(page, 0, { type: 'play' });
  await expect.poll(() => stepOf(page, 0), { timeout: 60_000 }).toBeGreaterThan(20);
  // Headless Chromium keeps its one tab visible: tell the embed's document otherwise, as a tab
  // switch would (visibilityState and its event are all quietWhenUnseen reads).
  const embed = page.frames().find((f) => f.url().includes('embed.html'));
  if (!embed) throw new Error('no embed frame');
  const setVisibility = (state: 'hidden' | 'visible') =>
    embed.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect.poll(async () => (await ask(page, 0, { type: 'getState' })).playing, { timeout: 30_000 }).toBe(false);
  await settled(page, 0);
  const held = await stepOf(page, 0);
  await page.waitForTimeout(1500);
  expect(await stepOf(page, 0)).toBe(held);
  await setVisibility('visible');
  await expect.poll(() => stepOf(page, 0), { timeout: 60_000 }).toBeGreaterThan(held);
});

test('with origin= set, another page can neither command the embed nor hear it', async ({ page, baseURL }) => {
  // The same embed, framed by a page of another origin than the one it names.
  await openCoursePage(page, baseURL ?? '/', [{ hash: single, height: 560 }], OTHER, COURSE);
  const frame = page.frameLocator('#f0');
  await expect(frame.getByTestId('metric-kl')).toBeVisible({ timeout: 90_000 });
  await sendCommand(page, 0, { type: 'play', id: 'x' });
  await sendCommand(page, 0, { type: 'configure', config: '#target=banana', id: 'y' });
  await page.waitForTimeout(2000);
  await expect(frame.getByTestId('metric-step')).toHaveText('0');
  await expect(frame.getByRole('combobox', { name: 'target distribution' })).toHaveValue('correlated-gaussian');
  // Its events went to the named origin only: this page got none.
  expect(await hostEvents(page)).toEqual([]);
});

test('resize: the embed reports its content height, and it follows what is hidden', async ({ page, baseURL }) => {
  await openCoursePage(page, baseURL ?? '/', [{ hash: comparison, height: 400 }]);
  await waitFor(page, 0, (e) => e.type === 'ready');
  const first = await waitFor(page, 0, (e) => e.type === 'resize');
  expect(first.height as number).toBeGreaterThan(300);
  const full = (await hostEvents(page)).filter((e) => e.data.type === 'resize').at(-1)?.data.height as number;
  await sendCommand(page, 0, { type: 'configure', config: `${comparison}&hide=chart,metrics` });
  const smaller = await waitFor(page, 0, (e) => e.type === 'resize' && (e.height as number) < full - 100);
  expect(smaller.height as number).toBeGreaterThan(100);
});
