import { expect, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';

test('a typed formula with a typo is explained at its column and loses nothing; the fix is fitted', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=formula&formula=-(x%5E2%2By%5E2)%2F2&domain=-6,6,-6,6&family=full-rank&autoplay=1');
  await waitReady(page);
  // A standard normal: log Z = log 2π by quadrature, and full-rank q fits it exactly.
  await expect.poll(() => metric(page, 'metric-logz'), { timeout: 30_000 }).toBeCloseTo(Math.log(2 * Math.PI), 3);
  await expect.poll(() => metric(page, 'metric-kl'), { timeout: 30_000 }).toBeLessThan(0.01);

  const box = page.getByRole('textbox', { name: 'formula' });
  await box.fill('-(x^2 + y^2)/2 + expp(x)');
  const alert = page.getByRole('alert').filter({ hasText: 'unknown function "expp"' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('did you mean exp?');
  await expect(alert.locator('pre')).toContainText('^');
  // The run goes on with the last formula that worked.
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain('formula=-(x^2+y^2)/2');

  await box.fill('-(x^2 + y^2)/2 - 0.5*(x*y)^2');
  await expect(alert).toBeHidden();
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash), { timeout: 5_000 }).toContain('formula=-(x^2 + y^2)/2 - 0.5*(x*y)^2');
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(100);
  expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a formula whose mass sits at the domain edge is flagged, not silently fitted', async ({ page }) => {
  await page.goto('./#target=formula&formula=x%5E2&domain=-3,3');
  await waitReady(page);
  await expect(page.getByRole('status').filter({ hasText: "of p's mass sits at the domain's edge" })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'did you mean −x^2?' })).toBeVisible();
});
