import { expect, test } from '@playwright/test';
import { families } from '../src/core/families/registry';
import { targets } from '../src/core/targets/registry';
import { metric, waitReady, watchErrors } from './helpers';

// Every catalogue entry, as a learner meets it: the real worker, the built site. A family that
// works in Node but not behind postMessage (SVGD once did) fails here.

// One test per entry, each with its own time limit: what is asserted is that steps happened
// without an alert, never how many a second (RealNVP takes seconds per ten steps on a loaded
// 2-core machine, and that must not fail the suite).
const STEPS = 10;

for (const family of families) {
  test(`${family.id} trains in the browser on the banana without errors`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto(`./#target=banana&family=${family.id}&backend=cpu&speed=100000&autoplay=1`);
    await waitReady(page);
    await expect.poll(() => metric(page, 'metric-step'), { timeout: 150_000 }).toBeGreaterThanOrEqual(STEPS);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const kl = await metric(page, 'metric-kl');
    // A family without a density shows "—" (no number); the others show a finite KL.
    if (family.density === 'none') expect(Number.isNaN(kl)).toBe(true);
    else expect(Number.isFinite(kl)).toBe(true);
    expect(errors).toEqual([]);
  });
}

for (const target of targets) {
  test(`${target.id} fits with full-rank q in the browser without errors`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto(`./#target=${target.id}&family=full-rank&backend=cpu&speed=100000&autoplay=1`);
    await waitReady(page);
    await expect.poll(() => metric(page, 'metric-step'), { timeout: 150_000 }).toBeGreaterThanOrEqual(STEPS);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(Number.isFinite(await metric(page, 'metric-kl'))).toBe(true);
    expect(Number.isFinite(await metric(page, 'metric-logz'))).toBe(true);
    expect(errors).toEqual([]);
  });
}
