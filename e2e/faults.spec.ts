import { expect, type Page, test } from '@playwright/test';
import type { KillMode } from '../src/state/testHooks';
import { metric, recordSteps, waitReady, watchPageErrors } from './helpers';


// ?testhooks=1 (a query parameter, the hash is the run config) installs window.__viTestHooks.
const hooks = (page: Page) => ({
  kill: (mode: KillMode) => page.evaluate((m) => window.__viTestHooks?.killWorker(m), mode),
  loseWebgl: () => page.evaluate(() => window.__viTestHooks?.loseWebglContext()),
  restarts: () => page.evaluate(() => window.__viTestHooks?.restarts() ?? -1),
});

const restartNotice = (page: Page) => page.locator('.notice').filter({ hasText: 'The engine stopped unexpectedly' });

// The kill tests run on cpu: WebGL is not what they test, and compiling its shaders on a
// software GPU is the slowest part of a (re)start on a loaded machine.
const CPU_RUN = './?testhooks=1#target=banana&family=full-rank&speed=300&backend=cpu&autoplay=1';

// Detection takes up to the supervisor's silence limit (12 s) for the silent deaths, then a
// fresh worker warms up: generous limits, but every wait is on what the page shows.
const RECOVERY_MS = 120_000;

for (const mode of ['throw', 'close', 'terminate', 'hang'] as const) {
  test(`a worker that dies (${mode}) while playing is replaced and carries on from its step`, async ({ page }) => {
    test.setTimeout(420_000);
    const pageErrors = watchPageErrors(page);
    await page.goto(CPU_RUN);
    await waitReady(page);
    await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(100);
    // Read first, then record: every value shown from here on must be at least this.
    const atKill = await metric(page, 'metric-step');
    const seen = await recordSteps(page);
    await hooks(page).kill(mode);
    await expect(restartNotice(page)).toHaveCount(1, { timeout: RECOVERY_MS });
    const text = (await restartNotice(page).textContent()) ?? '';
    const from = Number(text.match(/carried on from step ([\d,]+)/)?.[1].replace(/,/g, ''));
    expect(from).toBeGreaterThanOrEqual(atKill);
    // Training goes on from there: the counter moves on and never went back below the kill.
    await expect.poll(() => metric(page, 'metric-step'), { timeout: RECOVERY_MS }).toBeGreaterThan(from + 100);
    expect(Math.min(...(await seen()))).toBeGreaterThanOrEqual(atKill);
    expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
    await expect(restartNotice(page)).toHaveCount(1);
    expect(await hooks(page).restarts()).toBe(1);
    if (mode === 'hang') await page.screenshot({ path: 'test-results/restart-notice.png' });
    console.log(`${mode}: killed at step ${atKill}, carried on from ${from}: ${text}`);
    expect(pageErrors).toEqual([]);
  });
}

test('a worker that keeps dying is given up on, with a Reload button', async ({ page }) => {
  test.setTimeout(420_000);
  const pageErrors = watchPageErrors(page);
  await page.goto(CPU_RUN);
  await waitReady(page);
  for (let i = 1; i <= 2; i++) {
    await hooks(page).kill('throw');
    await expect.poll(() => hooks(page).restarts()).toBe(i);
    await waitReady(page);
  }
  await hooks(page).kill('throw');
  const alert = page.getByRole('alert').filter({ hasText: 'The engine keeps stopping' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(await hooks(page).restarts()).toBe(2);
  expect(pageErrors).toEqual([]);
});

test('a lost WebGL context moves the run to cpu, says so, and it carries on', async ({ page }) => {
  test.setTimeout(420_000);
  const pageErrors = watchPageErrors(page);
  // A mixture has no plain-JS fast path: its steps really run on WebGL (SwiftShader here).
  await page.goto('./?testhooks=1#target=banana&family=mixture&backend=webgl&speed=300&autoplay=1');
  await waitReady(page);
  await expect(page.getByTestId('metric-backend')).toHaveText(/^webgl/);
  await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(30);
  const atLoss = await metric(page, 'metric-step');
  const seen = await recordSteps(page);
  await hooks(page).loseWebgl();
  const notice = page.locator('.notice').filter({ hasText: 'WebGL stopped working' });
  await expect(notice).toHaveCount(1, { timeout: RECOVERY_MS });
  await expect(notice).toContainText('cpu');
  await expect(page.getByTestId('metric-backend')).toHaveText(/^cpu/);
  await expect.poll(() => metric(page, 'metric-step'), { timeout: RECOVERY_MS }).toBeGreaterThan(atLoss + 100);
  expect(Math.min(...(await seen()))).toBeGreaterThanOrEqual(atLoss);
  expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
  // Recovered inside the worker: no respawn was needed.
  expect(await hooks(page).restarts()).toBe(0);
  await page.screenshot({ path: 'test-results/webgl-lost-notice.png' });
  expect(pageErrors).toEqual([]);
});
