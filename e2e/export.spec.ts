import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { metric, pauseSettled, waitReady, watchErrors } from './helpers';

/**
 * The Export menu (docs/export.md): every file it offers downloads and is what it says it is —
 * PNG by its signature, SVG as XML with its styles inlined, CSV with a row per recorded
 * snapshot, JSON that parses, scripts with a top-level log_density — under the site's CSP.
 */

async function openMenu(page: Page): Promise<void> {
  const menu = page.locator('details.export-menu');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await page.getByText('Export', { exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
}

/** Clicks a menu item (found by its row's label and its button) and returns the downloaded file. */
async function fetchFile(page: Page, row: string, button: string): Promise<{ name: string; bytes: Buffer }> {
  await openMenu(page);
  const item = page.locator('.export-row', { hasText: row }).getByRole('menuitem', { name: button, exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('every export downloads and parses: pictures, history, summary, scripts', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  await page.goto('./#target=banana&family=full-rank&autoplay=1');
  await waitReady(page);
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThan(300);
  await pauseSettled(page);
  const steps = await metric(page, 'metric-step');

  await openMenu(page);
  await page.screenshot({ path: testInfo.outputPath('export-menu.png') });
  await page.screenshot({ path: '.shots/export-menu.png' });

  // Pictures: PNG at 2× its on-screen size, SVG as standalone XML with inline styles.
  const blank = await page.context().newPage();
  for (const row of ['density plot', 'ELBO chart', 'KL chart']) {
    const png = await fetchFile(page, row, 'PNG 2×');
    writeFileSync(`.shots/export-${row.replace(/ /g, '-')}.png`, png.bytes);
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${row} PNG signature`).toBe(true);
    const pngWidth = png.bytes.readUInt32BE(16); // IHDR
    const svg = await fetchFile(page, row, 'SVG');
    const text = svg.bytes.toString('utf8');
    writeFileSync(`.shots/export-${row.replace(/ /g, '-')}.svg`, text);
    // parsed in a blank page: a DOMParser document takes on its page's CSP, which refuses style attributes
    const parsed = await blank.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: Number(doc.documentElement.getAttribute('width')),
        styled: doc.querySelectorAll('[style*="stroke"]').length,
      };
    }, text);
    expect(parsed.error, `${row} SVG parses`).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.styled).toBeGreaterThan(10);
    // the PNG is the same picture at 2×
    expect(pngWidth).toBe(2 * parsed.width);
  }

  // Data: every snapshot, not the thinned curve.
  const csv = (await fetchFile(page, 'metric history', 'CSV')).bytes.toString('utf8').trim().split('\n');
  expect(csv[0]).toBe('run,family,objective,step,readoutStep,elbo,elboStdErr,klQP,klPQ,khat,logZ,cubo,objectiveBound,gradSnr');
  const rows = csv.slice(1).map((l) => l.split(','));
  expect(rows.length).toBeGreaterThan(5);
  expect(Number(rows[rows.length - 1][3])).toBe(steps);
  const stepsSeen = rows.map((r) => Number(r[3]));
  expect(stepsSeen).toEqual([...stepsSeen].sort((a, b) => a - b));
  const history = JSON.parse((await fetchFile(page, 'metric history', 'JSON')).bytes.toString('utf8'));
  expect(history.runs[0].records).toHaveLength(rows.length);
  const summary = JSON.parse((await fetchFile(page, 'run summary', 'JSON')).bytes.toString('utf8'));
  expect(summary).toMatchObject({ target: 'banana', family: 'full-rank', steps, space: 'own' });
  expect(summary.mean).toHaveLength(2);

  // Code: the run as scripts, with its steps.
  for (const lib of ['NumPyro', 'PyMC']) {
    const file = await fetchFile(page, 'this run as a script', lib);
    const text = file.bytes.toString('utf8');
    expect(file.name).toBe(`vi-playground-banana-${lib.toLowerCase()}.py`);
    expect(text).toContain('def log_density(theta):');
    expect(text).toContain(`STEPS = ${steps}`);
  }
  expect(csp).toEqual([]);
  expect(errors).toEqual([]);
});
