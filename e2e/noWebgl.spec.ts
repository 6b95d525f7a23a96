import { expect, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';

// Without a GPU process (and without SwiftShader) WebGL cannot start: the worker must fall back
// to the cpu backend on its own and say so.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-software-rasterizer', '--disable-background-networking'],
  },
});

test('with WebGL unavailable the worker falls back to cpu and still fits', async ({ page }) => {
  const errors = watchErrors(page);
  // sticking-the-landing steps with tfjs, so the backends are measured (in the background, after the first steps).
  await page.goto('./#target=correlated-gaussian&family=full-rank&estimator=stl&autoplay=1');
  await waitReady(page);
  await expect(page.getByTestId('metric-backend')).toHaveText(/^cpu/);
  await expect(page.locator('.backend-detail')).toContainText('webgl: unavailable', { timeout: 60_000 });
  await expect.poll(() => metric(page, 'metric-kl'), { timeout: 60_000 }).toBeLessThan(0.01);
  expect(errors).toEqual([]);
});
