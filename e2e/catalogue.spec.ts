import { expect, test } from '@playwright/test';
import { families } from '../src/core/families/registry';
import { targets } from '../src/core/targets/registry';
import { metric, waitReady, watchErrors } from './helpers';

// Every catalogue entry, as a learner meets it: the real worker, the built site. A family that
// works in Node but not behind postMessage (SVGD once did) fails here.

test('every family trains in the browser on the banana without errors', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  for (const family of families) {
    await page.goto(`./#target=banana&family=${family.id}&backend=cpu&speed=100000&autoplay=1`);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000, message: family.id }).toBeGreaterThan(40);
    await expect(page.getByRole('alert'), family.id).toHaveCount(0);
    const kl = await metric(page, 'metric-kl');
    // A family without a density shows "—" (no number); the others show a finite KL.
    if (family.density === 'none') expect(Number.isNaN(kl), family.id).toBe(true);
    else expect(Number.isFinite(kl), family.id).toBe(true);
  }
  expect(errors).toEqual([]);
});

test('every target fits with full-rank q in the browser without errors', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  for (const target of targets) {
    await page.goto(`./#target=${target.id}&family=full-rank&backend=cpu&speed=100000&autoplay=1`);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000, message: target.id }).toBeGreaterThan(40);
    await expect(page.getByRole('alert'), target.id).toHaveCount(0);
    expect(Number.isFinite(await metric(page, 'metric-kl')), target.id).toBe(true);
    expect(Number.isFinite(await metric(page, 'metric-logz')), target.id).toBe(true);
  }
  expect(errors).toEqual([]);
});
