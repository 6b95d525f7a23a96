import { type Page, expect } from '@playwright/test';

/** Read a metric read-out's leading number (its text starts with the value; d3 prints "−"). */
export async function metric(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(id).textContent()) ?? '';
  const m = text.replace(/−/g, '-').replace(/,/g, '').match(/^\s*(-?[\d.]+(?:e-?\d+)?|-?∞|NaN)/);
  if (!m) return Number.NaN;
  return m[1] === '∞' ? Number.POSITIVE_INFINITY : m[1] === '-∞' ? Number.NEGATIVE_INFINITY : Number(m[1]);
}

/** Collect console errors and uncaught page errors; tests assert the list stays empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Wait until the worker has measured its backends and built the run. */
export async function waitReady(page: Page): Promise<void> {
  await page.getByTestId('metric-backend').filter({ hasNotText: 'warming up' }).waitFor();
  await page.getByTestId('metric-kl').waitFor();
}

/** Uncaught errors of the page itself (not console messages). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/**
 * Record every value the step counter shows from now on (a MutationObserver in the page), so a
 * test can check that it never went back, however briefly.
 */
export async function recordSteps(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="metric-step"]');
    const seen: number[] = [];
    (window as unknown as { __seenSteps: number[] }).__seenSteps = seen;
    if (!el) return;
    new MutationObserver(() => seen.push(Number((el.textContent ?? '').replace(/,/g, '')))).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __seenSteps: number[] }).__seenSteps.slice());
}

/**
 * Pause, and wait until the page shows read-outs of the step it stopped at: while playing they may
 * trail the step counter (their time budget); paused, the worker sends them fresh.
 */
export async function pauseSettled(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await expect(page.getByTestId('readout-step')).toHaveText(/^Read-outs at step [\d,]+\.$/, { timeout: 30_000 });
}

/**
 * Wait until the page's step count stops moving (two readings 500 ms apart agree): after a pause,
 * steps the worker took before the pause reached it still land (the page paces its snapshots).
 */
export async function stepsSettled(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await metric(page, 'metric-step');
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
}
