import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

test.describe.configure({ timeout: 240_000 });

const SCREENS = {
  main: './#target=banana&autoplay=1',
  comparison: './#target=banana&family=mean-field,full-rank&autoplay=1',
  embed: './embed.html#target=correlated-gaussian&family=mean-field,full-rank&autoplay=1',
} as const;

/** axe's serious and critical findings, one line each (rule, node, why). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n')[1] ?? ''}`));
}

for (const [screen, url] of Object.entries(SCREENS)) {
  for (const lang of ['en', 'zh'] as const) {
    for (const width of [1280, 360]) {
      for (const theme of ['light', 'dark'] as const) {
        test(`axe: no serious or critical violation on the ${screen} in ${lang} at ${width} px, ${theme} theme`, async ({ page }) => {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(`${url}&theme=${theme}&lang=${lang}`);
          await expect(page.getByTestId('metric-kl').first()).toHaveText(/^\d/, { timeout: 90_000 });
          await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : 'en');
          expect(await seriousViolations(page)).toEqual([]);
          // Phones: nothing wider than the screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    }
  }
}

/** A lesson (docs/lessons.md): its panel above the workspace, two runs, in each language. */
const LESSON = './#lesson=mode-seeking&autoplay=1';

for (const lang of ['en', 'zh'] as const) {
  for (const width of [1280, 360]) {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe: no serious or critical violation on a lesson in ${lang} at ${width} px, ${theme} theme`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${LESSON}&theme=${theme}&lang=${lang}`);
        await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-prose', 'loaded');
        await expect(page.getByTestId('metric-kl').first()).toHaveText(/^\d/, { timeout: 90_000 });
        // The claims' table has its numbers (the ✓ and … marks are part of what axe reads).
        await expect(page.getByTestId('lesson-claim-0')).toHaveText(/\d/);
        expect(await seriousViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }
}

test('the language switches mid-run: the words change, the run goes on, the link keeps it', async ({ page }) => {
  await page.goto('./#target=banana&autoplay=1&lang=en');
  await expect(page.getByTestId('metric-kl')).toHaveText(/^\d/, { timeout: 90_000 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重置' })).toBeVisible();
  await expect(page).toHaveURL(/lang=zh/);
  const step = Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
  await expect.poll(async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''))).toBeGreaterThan(step);
  await page.screenshot({ path: 'test-results/zh.png' });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('keyboard: space plays and pauses, → steps, R resets, 1–4 go to a run, ? lists the keys', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=banana&family=mean-field,full-rank');
  await expect(page.getByTestId('metric-backend')).not.toHaveText(/warming up/, { timeout: 90_000 });
  const step = async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(step).toBe(1);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(step).toBeGreaterThan(10);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('r');
  await expect.poll(step).toBe(0);
  await page.keyboard.press('2');
  await expect(page.getByTestId('run-1')).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // A key typed into a control stays that control's: → on a slider moves the slider, not the run.
  const lr = page.getByRole('slider', { name: 'learning rate' }).first();
  await page.getByTestId('run-0').locator('.run-settings summary').click();
  await lr.focus();
  await page.keyboard.press('ArrowRight');
  expect(await step()).toBe(0);
  expect(errors).toEqual([]);
});

test('the theme switches mid-run without stopping it, and the link keeps it', async ({ page }) => {
  await page.goto('./#target=banana&autoplay=1');
  await expect(page.getByTestId('metric-kl')).toHaveText(/^\d/, { timeout: 90_000 });
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(before);
  await expect(page).toHaveURL(/theme=dark/);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const step = Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
  await expect.poll(async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''))).toBeGreaterThan(step);
});

test('screen readers: plots say what they draw and the KL; the spoken summary is polite and slow', async ({ page }) => {
  await page.goto('./#target=banana&autoplay=1');
  await expect(page.getByRole('img', { name: /KL\(q‖p\) = [\d.]+ nats/ })).toBeVisible({ timeout: 90_000 });
  const live = page.getByTestId('live-summary');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(/step [\d,]+\. Full-rank Gaussian: KL\(q‖p\) [\d.]+ nats\./, { timeout: 30_000 });
  // Not a live region that changes at frame rate: each change comes at least 4 s after the one
  // before, while the visible numbers change every frame. The page records when its text changes;
  // the test waits for two changes (it does keep talking) and reads the gaps. A slower machine only
  // spaces them further: the bound is the summary's own throttle, not how fast anything runs.
  await live.evaluate((el) => {
    const changes: number[] = [];
    (window as unknown as { __liveChanges: number[] }).__liveChanges = changes;
    let text = el.textContent;
    new MutationObserver(() => {
      if (el.textContent === text) return;
      text = el.textContent;
      changes.push(performance.now());
    }).observe(el, { subtree: true, childList: true, characterData: true });
  });
  const changes = () => page.evaluate(() => (window as unknown as { __liveChanges: number[] }).__liveChanges.slice());
  await expect.poll(async () => (await changes()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  const at = await changes();
  for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(4000);
});
