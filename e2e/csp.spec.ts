import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { metric, waitReady } from './helpers';


/**
 * The built site runs under a strict Content-Security-Policy (vite.config.ts). Any violation —
 * in the page (the securitypolicyviolation event) or in the worker (reported on the console) —
 * fails these tests, so a change that needs eval, an inline script or a blob: worker is caught.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('dialog', (d) => {
    problems.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice());

test('the built page has no inline script and carries the policy as a meta tag', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(' src=');
  expect(html).not.toMatch(/\son[a-z]+=/i);
  const meta = (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '').replace(/&#39;/g, "'");
  expect(meta).toContain("script-src 'self'");
  expect(meta).toContain("worker-src 'self'");
  expect(meta).not.toContain('unsafe-eval');
  expect(meta).not.toContain("'unsafe-inline'; ");
  expect(readFileSync('dist/_headers', 'utf8')).toContain(`Content-Security-Policy: ${meta}`);
});

test('the main flows run under the policy without a single violation', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = await watchCsp(page);
  const headers: Record<string, string | undefined> = {};
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.includes('engine.worker') ? 'worker' : r.url().endsWith('/') ? 'page' : null;
    if (name) headers[name] = r.headers()['content-security-policy'];
  });
  // Open and play.
  await page.goto('./#target=banana&family=full-rank&speed=300&autoplay=1');
  await waitReady(page);
  await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(50);
  expect(headers.page).toContain("script-src 'self'");
  expect(headers.worker).toContain("script-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  // Paused, the page is quiet between the changes (a loaded machine draws 30 frames a second slowly).
  await page.getByRole('button', { name: 'Pause' }).click();
  // Change family and target (fresh runs in the worker), and take steps on them.
  await page.getByRole('combobox', { name: 'variational family' }).selectOption('mixture');
  await page.getByRole('combobox', { name: 'target distribution' }).selectOption('correlated-gaussian');
  await waitReady(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(0);
  // Type a formula: first markup, which must stay text, then one that works.
  await page.getByRole('combobox', { name: 'target distribution' }).selectOption('formula');
  const box = page.getByRole('textbox', { name: 'formula' });
  const markup = '<img src=x onerror=alert(1)>';
  await box.fill(markup);
  // Explained as a typo, with the markup quoted as text; no element was made of it.
  await expect(page.getByRole('alert').filter({ hasText: 'The run keeps the last formula that worked' })).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await expect(box).toHaveValue(markup);
  await box.fill('-(x^2 + y^2)/2');
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash), { timeout: 10_000 }).toContain('formula=-(x^2 + y^2)/2');
  // Reset, and play the formula's run.
  await page.getByRole('button', { name: 'Reset', exact: true }).first().click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThan(20);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
