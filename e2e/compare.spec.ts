import { type Page, expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

/** A run's read-out (inside its panel, data-testid run-N) as a number. */
async function runMetric(page: Page, run: number, id: string): Promise<number> {
  const text = (await page.getByTestId(`run-${run}`).getByTestId(id).textContent()) ?? '';
  const m = text.replace(/−/g, '-').replace(/,/g, '').match(/^\s*(-?[\d.]+(?:e-?\d+)?)/);
  return m ? Number(m[1]) : Number.NaN;
}

async function step(page: Page): Promise<number> {
  return Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
}

const runCards = (page: Page) => page.locator('[data-testid^="run-"]');

// Four runs share two cores here: generous limits, and every wait is on what the page shows.
test.describe.configure({ timeout: 300_000 });

test('a four-run link trains four runs side by side, each with its own numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=correlated-gaussian&family=mean-field,full-rank,mixture,planar-flow&autoplay=1');
  await expect(runCards(page)).toHaveCount(4);
  for (let run = 0; run < 4; run++) {
    await expect.poll(() => runMetric(page, run, 'metric-elbo'), { timeout: 90_000 }).toBeLessThan(0);
    await expect(page.getByTestId(`run-${run}`).getByTestId('metric-kl')).toHaveText(/^\d/);
  }
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(10);
  // Mean-field cannot tilt: its reverse-KL optimum is −½ log(1 − ρ²) = 0.511 nats at ρ = 0.8
  // (docs/math.md); full-rank can. Each number belongs to its own run.
  await expect.poll(() => runMetric(page, 0, 'metric-kl'), { timeout: 90_000 }).toBeGreaterThan(0.3);
  expect(await runMetric(page, 0, 'metric-klpq')).toBeGreaterThan(0.3);
  await expect(page.getByRole('table', { name: undefined }).locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Four plots fit at 1280×800 without scrolling past them.
  for (let run = 0; run < 4; run++) {
    const box = await page.getByTestId(`run-${run}`).locator('svg.density-plot').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  }
  await page.screenshot({ path: 'test-results/compare-1280x800.png' });
  expect(errors).toEqual([]);
});

test('moving ρ moves p for every run, and every q follows to its own optimum', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=correlated-gaussian&target.rho=0.8&family=mean-field,full-rank&speed=1000&autoplay=1');
  await expect.poll(() => runMetric(page, 1, 'metric-kl'), { timeout: 90_000 }).toBeLessThan(0.01);
  // Paused, p moves and the read-outs describe the same q against the new p: the jump in KL is
  // on screen until it is read, on any machine.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('slider', { name: 'correlation ρ' }).fill('-0.3');
  await expect.poll(() => runMetric(page, 1, 'metric-kl'), { timeout: 30_000 }).toBeGreaterThan(0.3);
  await expect.poll(() => runMetric(page, 0, 'metric-kl'), { timeout: 30_000 }).toBeGreaterThan(0.3);
  await page.getByRole('button', { name: 'Play' }).click();
  // Full-rank reaches p exactly; mean-field reaches its own optimum −½ log(1 − 0.09) = 0.0472.
  await expect.poll(() => runMetric(page, 1, 'metric-kl'), { timeout: 90_000 }).toBeLessThan(0.01);
  await expect.poll(() => runMetric(page, 0, 'metric-kl'), { timeout: 90_000 }).toBeLessThan(0.07);
  expect(await runMetric(page, 0, 'metric-kl')).toBeGreaterThan(0.03);
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain('target.rho=-0.3');
  expect(errors).toEqual([]);
});

test('runs are removed, added and duplicated in place, and the link follows', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#family=mean-field,full-rank,laplace&autoplay=1');
  await expect(runCards(page)).toHaveCount(3);
  await expect.poll(() => runMetric(page, 2, 'metric-elbo'), { timeout: 90_000 }).toBeLessThan(0);
  await page.getByRole('button', { name: 'Remove run 2' }).click();
  await expect(runCards(page)).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).hash).toContain('family=mean-field,laplace&');
  // The kept runs carry on: the session's step does not start again.
  const before = await step(page);
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: '+ add a run' }).click();
  await expect(runCards(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Copy run 1' }).click();
  await expect(runCards(page)).toHaveCount(4);
  await expect(page.getByRole('button', { name: '+ add a run' })).toBeDisabled();
  await expect.poll(() => new URL(page.url()).hash).toContain('family=mean-field,mean-field,laplace,laplace&');
  // Change one run's family in place: only that run starts again.
  await page.getByLabel('variational family of run 4').selectOption('full-rank');
  await expect.poll(() => new URL(page.url()).hash).toContain('family=mean-field,mean-field,laplace,full-rank&');
  for (let run = 0; run < 4; run++) await expect.poll(() => runMetric(page, run, 'metric-elbo'), { timeout: 90_000 }).toBeLessThan(0);
  // Back to one run: the single-run screen.
  for (let n = 4; n > 1; n--) await page.getByRole('button', { name: `Remove run ${n}` }).click();
  await expect(page.getByRole('button', { name: '+ compare' })).toBeVisible();
  await expect(page.getByTestId('run-0').getByTestId('metric-kl')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a run that diverges halts alone and says which; the others keep training', async ({ page }) => {
  const errors = watchErrors(page);
  // Plain SGD at step 0.5 where p's precision reaches 50 blows up; Adam at 0.05 does not.
  await page.goto('./#target=correlated-gaussian&target.rho=0.99&family=full-rank,full-rank&optimizer=sgd,adam&lr=0.5,0.05&autoplay=1');
  const alert = page.getByRole('alert').filter({ hasText: 'Diverged' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText('(run 1, Full-rank Gaussian)');
  await expect(alert).toHaveCount(1);
  await expect(page.getByTestId('run-0')).toContainText('halted');
  // Still playing, and the session's step (run 2's) moves on past the divergence.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const at = await step(page);
  await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(at + 100);
  expect(Number.isFinite(await runMetric(page, 0, 'metric-kl'))).toBe(true);
  expect(Number.isFinite(await runMetric(page, 1, 'metric-kl'))).toBe(true);
  expect(errors).toEqual([]);
});

test('on a 360 px phone the runs stack', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const errors = watchErrors(page);
  await page.goto('./#target=banana&family=mean-field,full-rank,mixture&autoplay=1');
  await expect.poll(() => runMetric(page, 2, 'metric-elbo'), { timeout: 90_000 }).toBeLessThan(0);
  const boxes = await Promise.all([0, 1, 2].map((run) => page.getByTestId(`run-${run}`).boundingBox()));
  for (const box of boxes) {
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  }
  expect(boxes[1]?.y ?? 0).toBeGreaterThan((boxes[0]?.y ?? 0) + (boxes[0]?.height ?? 0) - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'test-results/compare-360.png', fullPage: true });
  expect(errors).toEqual([]);
});
