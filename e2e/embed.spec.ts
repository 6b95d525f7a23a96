import { type Frame, type Page, expect, test } from '@playwright/test';
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

/**
 * The step the engine stopped at: the embed is paused and its engine says it has stopped
 * (`stepping` false, which it turns only once the engine's last snapshots have landed), so no
 * step the engine took before the pause is still on its way and the count is final.
 */
async function stoppedAt(page: Page, frame: number): Promise<number> {
  let step = -1;
  await expect
    .poll(
      async () => {
        const state = await ask(page, frame, { type: 'getState' });
        step = state.step as number;
        return state.playing === false && state.stepping === false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return step;
}

/** The embed's own window (same origin as the site, so the test can read it). */
function embedFrame(page: Page): Frame {
  const embed = page.frames().find((f) => f.url().includes('embed.html'));
  if (!embed) throw new Error('no embed frame');
  return embed;
}

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

  // pause: the engine stops, and the step count holds still. The engine handles commands in
  // order, so the next one finds the runs where the pause left them: `step 5` lands at exactly 5
  // more (an engine still stepping would have run past), and the engine stays stopped.
  expect((await ask(page, 1, { type: 'pause' })).playing).toBe(false);
  const paused = await stoppedAt(page, 1);
  await sendCommand(page, 1, { type: 'step', n: 5 });
  await expect.poll(() => stepOf(page, 1), { timeout: 60_000 }).toBe(paused + 5);
  expect(await stoppedAt(page, 1)).toBe(paused + 5);

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

test('an embed out of view stops stepping, and goes on when scrolled back', async ({ page, baseURL }) => {
  await openCoursePage(page, baseURL ?? '/', [
    { hash: single, height: 560 },
    { hash: below, height: 520, gapAbove: 2500 },
  ]);
  await waitFor(page, 1, (e) => e.type === 'ready');
  // autoplay=1, but nobody has seen it yet: its play waits for that, and its engine has not stepped.
  expect(await ask(page, 1, { type: 'getState' })).toMatchObject({ playWhenSeen: true, playing: false, stepping: false, step: 0 });
  await page.locator('#f1').scrollIntoViewIfNeeded();
  await expect.poll(() => stepOf(page, 1), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Off screen it pauses itself: its engine stops, the count holds, and its play waits to be seen.
  const held = await stoppedAt(page, 1);
  expect(await ask(page, 1, { type: 'getState' })).toMatchObject({ playWhenSeen: true, step: held });
  // A host's pause drops that wish; a host's play while unseen waits for it to be seen (the reply
  // is the state right after the command was handled: nothing was started), then plays.
  expect(await ask(page, 1, { type: 'pause' })).toMatchObject({ playWhenSeen: false, playing: false });
  expect(await ask(page, 1, { type: 'play' })).toMatchObject({ playWhenSeen: true, playing: false, stepping: false, step: held });
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
  const embed = embedFrame(page);
  const setVisibility = (state: 'hidden' | 'visible') =>
    embed.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  // Its engine stops, the count holds, and its play waits for the tab to be seen again.
  const held = await stoppedAt(page, 0);
  expect(await ask(page, 0, { type: 'getState' })).toMatchObject({ playWhenSeen: true, stepping: false, step: held });
  await setVisibility('visible');
  await expect.poll(() => stepOf(page, 0), { timeout: 60_000 }).toBeGreaterThan(held);
});

test('with origin= set, another page can neither command the embed nor hear it', async ({ page, baseURL }) => {
  // The same embed, framed by a page of another origin than the one it names.
  await openCoursePage(page, baseURL ?? '/', [{ hash: single, height: 560 }], OTHER, COURSE);
  const frame = page.frameLocator('#f0');
  await expect(frame.getByTestId('metric-kl')).toBeVisible({ timeout: 90_000 });
  // The embed answers this page nothing, so the test listens in the embed's own window: a listener
  // added now runs after the embed's (added before it rendered) for each message it is sent.
  const embed = embedFrame(page);
  await embed.evaluate(() => {
    const heard: unknown[] = [];
    (window as unknown as { __heard: unknown[] }).__heard = heard;
    addEventListener('message', (e) => heard.push(e.data));
  });
  await sendCommand(page, 0, { type: 'play', id: 'x' });
  await sendCommand(page, 0, { type: 'configure', config: '#target=banana', id: 'y' });
  await sendCommand(page, 0, { type: 'getState', id: 'last' });
  // Messages from one window reach another in order: once the last is heard, the embed has dealt
  // with all three.
  const heardLast = () => embed.evaluate(() => (window as unknown as { __heard: { id?: unknown }[] }).__heard.some((d) => d.id === 'last'));
  await expect.poll(heardLast, { timeout: 30_000 }).toBe(true);
  // The embed's link follows its session in the same task as any change: the configure changed nothing.
  expect(await embed.evaluate(() => location.hash)).toContain('target=correlated-gaussian');
  // The reader's own Step, a path the embed does accept: it lands at exactly one step with Play
  // still offered. Had the play been taken, Step would be disabled and the runs would run on.
  await frame.getByRole('button', { name: 'Step' }).click({ timeout: 30_000 });
  await expect(frame.getByTestId('metric-step')).toHaveText('1');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(frame.getByRole('combobox', { name: 'target distribution' })).toHaveValue('correlated-gaussian');
  // Its events went to the named origin only: this page got none. The embed's window then posts
  // this page a note (in order, as above): once it is here, any event posted before it would be too.
  await embed.evaluate(() => parent.postMessage({ note: 'last' }, '*'));
  const isNote = (e: HostEvent) => e.data.note === 'last';
  await expect.poll(async () => (await hostEvents(page)).some(isNote), { timeout: 30_000 }).toBe(true);
  expect((await hostEvents(page)).filter((e) => !isNote(e))).toEqual([]);
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
