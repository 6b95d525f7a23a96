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
