import { type Page, expect, test } from '@playwright/test';
import { lessons } from '../src/core/lessons/registry';
import type { LessonClaim } from '../src/core/lessons/types';
import { stepsSettled, watchErrors } from './helpers';

// Each lesson fits to its stated numbers at full speed; a few runs share two cores here, so the
// limits are generous and every wait is on what the page shows (docs/testing.md).
test.describe.configure({ timeout: 240_000 });

/** A number as the page prints it (− for minus, thousands with commas). */
async function shown(locator: ReturnType<Page['getByTestId']>): Promise<number> {
  const text = ((await locator.textContent()) ?? '').replace(/−/g, '-').replace(/,/g, '');
  const m = text.match(/^\s*(-?[\d.]+(?:e-?\d+)?)/);
  return m ? Number(m[1]) : Number.NaN;
}

function holds(claim: LessonClaim, v: number): boolean {
  if ('tolerance' in claim) return Math.abs(v - claim.value) <= claim.tolerance;
  if ('above' in claim) return v > claim.above;
  return v < claim.below;
}

/** The run read-outs that print the same number as a claim (data-testid inside run-N). */
const METRIC: Partial<Record<LessonClaim['reading'], string>> = { klQP: 'metric-kl', klPQ: 'metric-klpq', elbo: 'metric-elbo', khat: 'metric-khat' };

/** The table and the cards print the same value alike (formatValue: 4 significant digits). */
function sameNumber(a: number, b: number): boolean {
  return Number.isFinite(a) && a === b;
}

async function stepOf(page: Page): Promise<number> {
  return Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
}

async function fullSpeedPlay(page: Page): Promise<void> {
  await page.getByTestId('metric-backend').filter({ hasNotText: 'warming up' }).waitFor();
  // The speed slider's right end: as fast as the engine goes (a live change, the runs keep going).
  await page.getByRole('slider', { name: 'speed (steps/s)' }).press('End');
  await page.getByRole('button', { name: 'Play' }).click();
}

for (const lesson of lessons) {
  test(`${lesson.id}: loads from its link, starts, and the numbers its text states are on the page`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`./#lesson=${lesson.id}`);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel.getByRole('heading')).toContainText(lesson.title.en);
    // The link the page writes back names the lesson first and holds its whole session.
    await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`^#lesson=${lesson.id}&target=`));
    await fullSpeedPlay(page);
    // 500 steps first (or the lesson's own), so that the numbers read are the settled ones, not a pass on the way.
    await expect.poll(() => stepOf(page), { timeout: 150_000 }).toBeGreaterThan(lesson.settlesBy ?? 500);
    // Every stated number, as the lesson's table reads it off the runs, then paused, as it stays.
    for (const [i] of lesson.claims.entries()) await expect(page.getByTestId(`lesson-claim-${i}`)).toHaveAttribute('data-holds', 'yes', { timeout: 180_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // Steps the worker took before the pause reached it still land, and the table is throttled:
    // read once the step count has stopped and the table shows what the run cards show.
    await stepsSettled(page);
    for (const [i, claim] of lesson.claims.entries()) {
      const cell = page.getByTestId(`lesson-claim-${i}`);
      const id = METRIC[claim.reading];
      const metric = id ? page.getByTestId(`run-${claim.run}`).getByTestId(id) : null;
      // The run's own read-out prints the same number (4 significant digits).
      if (metric) await expect.poll(async () => sameNumber(await shown(cell), await shown(metric)), { timeout: 30_000 }).toBe(true);
      await expect(cell, `claim ${i} after pausing`).toHaveAttribute('data-holds', 'yes', { timeout: 30_000 });
      expect(holds(claim, await shown(cell)), `claim ${i}: ${await cell.textContent()}`).toBe(true);
      if (metric) expect(holds(claim, await shown(metric)), `run ${claim.run} ${id} = ${await metric.textContent()}`).toBe(true);
    }
    if (['mean-field-shrinks', 'em-and-vi', 'constrained'].includes(lesson.id)) {
      if (lesson.id === 'em-and-vi') await expect(page.getByTestId('lesson-path')).toBeVisible();
      await page.screenshot({ path: `.shots/lesson-${lesson.id}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });
}

test('the menu starts a lesson; next, previous, a try and leaving work, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page.getByLabel('lesson').selectOption('mode-seeking');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading')).toContainText('Mode-seeking');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#lesson=mode-seeking&target=bimodal-1d&/);
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(2);
  await panel.getByRole('button', { name: 'next →' }).click();
  await expect(panel.getByRole('heading')).toContainText('Score function');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#lesson=score-vs-reparam&target=correlated-gaussian&/);
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(4);
  await panel.getByRole('button', { name: '← previous' }).click();
  await expect(panel.getByRole('heading')).toContainText('Mode-seeking');
  await panel.getByRole('button', { name: 'Try: Bumps closer, d = 1' }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain('target.separation=1&');
  await expect(page.getByRole('slider', { name: 'separation d (modes at ±d)' })).toHaveValue('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, '')), { timeout: 60_000 }).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Leave the lesson' }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#target=bimodal-1d&.*target.separation=1&/);
  expect(errors).toEqual([]);
});

test('an unknown lesson id is named in a notice, and the page works without one', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#lesson=no-such-lesson');
  await expect(page.getByRole('status').filter({ hasText: 'unknown lesson "no-such-lesson"' })).toBeVisible();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  expect(errors).toEqual([]);
});
