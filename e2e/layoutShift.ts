import { expect, type Page } from '@playwright/test';
import { metric } from './helpers';

/**
 * Opens `link` with the engine's script held back 1.5 s (a slow network, so the page is drawn
 * while the engine warms up), trains `steps` steps (at the default speed, some hundred frames, each with new numbers), and returns the
 * page's cumulative layout shift over all of it (shifts after input excluded, as CLS does).
 */
export async function shiftWhileTraining(page: Page, link: string, steps = 3000): Promise<number> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route(/engine\.worker-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`./${link}`);
  await expect(page.getByTestId('metric-step')).toBeVisible();
  await expect(page.getByTestId('metric-backend')).toContainText('steps/s');
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(steps);
  return page.evaluate(() => (window as unknown as { __shift: number }).__shift);
}
