import { expect, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';

test('a malformed link is explained, replaced by defaults, and loses nothing else', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=nope&target.rho=0.5&family=full-rank&lr=7&samples=abc&seed=%E0%A4%A&bogus=1');
  await waitReady(page);
  const notices = page.locator('.notice');
  await expect(notices.filter({ hasText: 'unknown target "nope"' })).toBeVisible();
  await expect(notices.filter({ hasText: 'lr must be ≤ 0.5 (got "7"); using 0.05' })).toBeVisible();
  await expect(notices.filter({ hasText: 'samples must be a plain decimal number (got "abc")' })).toBeVisible();
  await expect(notices.filter({ hasText: 'bad %-encoding' })).toBeVisible();
  await expect(notices.filter({ hasText: 'ignored unknown setting "bogus"' })).toBeVisible();
  // What was valid is kept; the rewritten hash is a clean, reproducible link.
  await expect(page.getByRole('combobox', { name: 'variational family' })).toHaveValue('full-rank');
  const hash = decodeURIComponent(new URL(page.url()).hash);
  expect(hash).toContain('target=correlated-gaussian');
  expect(hash).toContain('lr=0.05');
  expect(hash).not.toContain('bogus');
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(notices).toHaveCount(4);
  expect(errors).toEqual([]);
});

test('moving a target slider while it runs makes q chase p, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=correlated-gaussian&target.rho=0.9&family=full-rank&speed=300&autoplay=1');
  await waitReady(page);
  await expect.poll(() => metric(page, 'metric-kl'), { timeout: 60_000 }).toBeLessThan(0.01);
  // Slow the player to its slowest (10 steps/s) before p moves: the worker then takes at most
  // ten steps a second, so q needs seconds to follow however fast or slow this machine is, and
  // the jump in KL stays on screen until it is read (no race with a fast machine).
  await page.getByRole('slider', { name: 'speed (steps/s)' }).fill('0');
  await page.getByRole('slider', { name: 'correlation ρ' }).fill('-0.9');
  await expect.poll(() => metric(page, 'metric-kl'), { timeout: 30_000 }).toBeGreaterThan(0.5);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Full speed again: q follows p to its new tilt.
  await page.getByRole('slider', { name: 'speed (steps/s)' }).fill('1000');
  await expect.poll(() => metric(page, 'metric-kl'), { timeout: 60_000 }).toBeLessThan(0.01);
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain('target.rho=-0.9');
  expect(errors).toEqual([]);
});

test('a learning rate that diverges is explained per run, and Resume or Reset recovers', async ({ page }) => {
  const errors = watchErrors(page);
  // Plain SGD with step 0.5 on a target whose precision reaches 1/(1 − 0.99²) ≈ 50 must blow up.
  await page.goto('./#target=correlated-gaussian&target.rho=0.99&family=full-rank&optimizer=sgd&lr=0.5&autoplay=1');
  const alert = page.getByRole('alert').filter({ hasText: 'Diverged' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  // Where it happened, and what to try, with this run's own numbers.
  await expect(alert).toContainText(/Diverged at step [\d,]+\./);
  await expect(alert).toContainText('Lower the learning rate from 0.5');
  await expect(alert).toContainText('More samples per step');
  await expect(alert).toContainText('Adam instead of SGD');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The run steps in plain JS (its fast path), so no backend is measured, and the page says so.
  await expect(page.locator('.backend-detail')).toContainText('every run steps in plain JS');
  await page.screenshot({ path: 'test-results/divergence-alert.png' });
  // The run was set back to finite parameters: the read-outs are numbers, not NaN.
  const at = await metric(page, 'metric-step');
  expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
  // Lower the learning rate and Resume: it carries on from there, not from step 0.
  await page.getByRole('slider', { name: 'learning rate' }).fill('100');
  await alert.getByRole('button', { name: 'Resume' }).click();
  await expect(alert).toBeHidden();
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(at + 200);
  expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
  // Reset starts over.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => metric(page, 'metric-step')).toBe(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(200);
  expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
  expect(errors).toEqual([]);
});
