import { expect, test } from '@playwright/test';
import config from '../playwright.config';
import { shiftWhileTraining } from './layoutShift';

// Playwright's Chromium hides scrollbars (--hide-scrollbars); a learner's shows them. With them,
// the parts of a four-run comparison arriving in stages made the page's scrollbar come and go,
// reflowing the whole page sideways each time (issue 9: Lighthouse desktop scored it 0.07–0.23).
// The launch options are the configured ones plus the scrollbars, so this file runs in its own worker.
test.use({ launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] } });
test.use({ viewport: { width: 1350, height: 940 } });

const FOUR_RUNS =
  '#target=banana&family=mean-field,full-rank,mixture,planar-flow&family.K=,,5,&objective=reverse-kl,reverse-kl,iwae,reverse-kl&objective.K=,,10,&lr=0.05,0.05,0.05,0.02&seed=1&autoplay=1';

test('a four-run comparison on a laptop with scrollbars does not shift while it starts', async ({ page }) => {
  const shift = await shiftWhileTraining(page, FOUR_RUNS, 500);
  // The browser really shows a scrollbar: the case this test is about.
  expect(await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
  expect(shift).toBeLessThan(0.02);
});
