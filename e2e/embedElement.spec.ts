import { expect, test } from '@playwright/test';
import { COURSE } from './fixtures/coursePage';
import { watchErrors } from './helpers';

test.describe.configure({ timeout: 300_000 });
// As in embed.spec.ts: the host page is Playwright's (public), the built site is on loopback.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults'],
  },
});

test('one script and one <vi-playground> element: a sized iframe that follows resize and takes commands', async ({ page, baseURL }) => {
  const site = baseURL ?? '/';
  const html = `<!doctype html><html><head><title>Notes</title><script src="${site}embed.js"></script></head>
<body><h1>Notes</h1><vi-playground id="demo" config="#target=banana&family=mean-field,full-rank" hide="engine" height="300"></vi-playground></body></html>`;
  await page.route(`${COURSE}/**`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${COURSE}/notes.html`);
  const frame = page.locator('vi-playground iframe');
  await expect(frame).toHaveCount(1);
  const src = (await frame.getAttribute('src')) ?? '';
  expect(src.startsWith(`${site}embed.html#target=banana&family=mean-field,full-rank`)).toBe(true);
  expect(src).toContain('hide=engine');
  expect(src).toContain(`origin=${COURSE}`);
  // The embed reports its content height and the element takes it.
  await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 90_000 }).toBeGreaterThan(400);
  await expect(page.frameLocator('vi-playground iframe').getByTestId('run-1')).toBeVisible();
  // Its methods send commands; its events come out as DOM events.
  await page.evaluate(() => {
    const el = document.getElementById('demo') as HTMLElement & { play(): Promise<unknown> };
    const w = window as unknown as { __steps: number[] };
    w.__steps = [];
    el.addEventListener('vi-playground:snapshot', (e) => w.__steps.push((e as CustomEvent<{ step: number }>).detail.step));
    void el.play();
  });
  await expect.poll(() => page.evaluate(() => Math.max(0, ...(window as unknown as { __steps: number[] }).__steps)), { timeout: 90_000 }).toBeGreaterThan(20);
});

test('the example course page (examples/course.html) renders its embeds and drives the first one', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto('./examples/course.html');
  await expect(page.locator('vi-playground')).toHaveCount(3);
  const first = page.frameLocator('#fit-a iframe');
  await expect(first.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Step ×50' }).click();
  await expect(page.locator('#fit-a-status')).toContainText(/step 50\b/, { timeout: 90_000 });
  await page.screenshot({ path: 'test-results/course-page.png', fullPage: false });
  expect(errors).toEqual([]);
});
