import { expect, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';
import { shiftWhileTraining } from './layoutShift';

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

// Nothing on the page moves while it starts training: not when the engine's read-out changes,
// not when the first frame replaces the placeholders, not when numbers change length every frame
// (issue 9: Lighthouse's mobile run scored the engine read-out's wrap 0.17, its desktop run the
// placeholders' growth 0.15, and the sum under the gap bar re-wrapped every frame).
const shiftCases = [
  { name: 'a phone', viewport: { width: 412, height: 823 }, isMobile: true, link: '#target=banana&autoplay=1' },
  { name: 'a laptop', viewport: { width: 1280, height: 800 }, isMobile: false, link: '#target=gaussian-1d&autoplay=1' },
];
for (const c of shiftCases) {
  test.describe(`on ${c.name}`, () => {
    test.use({ viewport: c.viewport, isMobile: c.isMobile, hasTouch: c.isMobile });

    test(`nothing shifts while the page starts training (${c.link})`, async ({ page }) => {
      expect(await shiftWhileTraining(page, c.link)).toBeLessThan(0.02);
    });
  });
}
