import { expect, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';

test('a new user sees p, q, the controls and honest numbers before pressing Play', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('./');
  // Warm-up happens before Play: the backend is measured and the first frame drawn unasked.
  await waitReady(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByRole('combobox', { name: 'target distribution' })).toHaveValue('correlated-gaussian');
  await expect(page.getByRole('combobox', { name: 'variational family' })).toHaveValue('full-rank');
  expect(await metric(page, 'metric-step')).toBe(0);
  // Nothing has been fitted yet, so q is far from p.
  expect(await metric(page, 'metric-kl')).toBeGreaterThan(0.5);
  // The hash now spells out the whole configuration, so the link reproduces the run.
  expect(new URL(page.url()).hash).toContain('target=correlated-gaussian');
  expect(new URL(page.url()).hash).toContain('lr=0.05');
  await page.screenshot({ path: testInfo.outputPath('first-look.png') });
  expect(errors).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

test('nothing shifts while the page starts training (CLS, issue 9)', async ({ page }) => {
  // The engine read-out used to wrap onto a line of its own once it said "cpu · N steps/s" and
  // pushed the page below it down: Lighthouse's mobile run scored that shift 0.17.
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The worker's script arrives late (a slow network), so the page is drawn while the engine warms up.
  await page.route(/engine\.worker-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto('./#target=banana&autoplay=1');
  await expect(page.getByTestId('metric-step')).toBeVisible();
  await expect(page.getByTestId('metric-backend')).toContainText('steps/s');
  await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(0);
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  expect(shift).toBeLessThan(0.02);
});
});
