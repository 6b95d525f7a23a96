import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { metric, waitReady, watchErrors } from './helpers';

/**
 * 简体中文 in the lessons, the Embed dialog and the Export menu (docs/i18n.md): a lesson's prose
 * loads in the language on screen, a switch mid-lesson keeps the lesson and its runs going, and
 * what the dialog hands out (snippets, files) stays as it is in every language.
 */
test.describe.configure({ timeout: 180_000 });

const stepShown = (page: Page) => metric(page, 'metric-step');

for (const width of [1280, 360]) {
  test(`a lesson in 简体中文 at ${width} px: Chinese prose, tries, claims; nothing wider than the screen`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./#lesson=elbo-gap&lang=zh');
    const panel = page.getByTestId('lesson-panel');
    await expect(panel.getByRole('heading')).toContainText('第 1 课（共 10 课）');
    await expect(panel.getByRole('heading')).toContainText('ELBO 及其差距');
    await expect(panel).toHaveAttribute('data-prose', 'loaded');
    const text = page.getByTestId('lesson-text');
    await expect(text).toContainText('这里的每次拟合都满足同一个恒等式');
    await expect(text).toContainText('观察：');
    await expect(text).toContainText('思考：');
    await expect(text).toHaveAttribute('lang', 'zh-Hans');
    // The numbers the text states are the same as in English, and so are the claims they point at.
    await expect(text).toContainText('1.099');
    await expect(panel.getByRole('button', { name: '试一试：3 个高斯的混合' })).toBeVisible();
    await expect(panel.getByRole('button', { name: '重新开始本课' })).toBeVisible();
    await expect(panel.getByRole('table', { name: '正文中的数字在本页上的值' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '课程' })).toHaveValue('elbo-gap');
    await expect(page.getByRole('option', { name: '3. 模式寻求与质量覆盖' })).toHaveCount(1);
    await waitReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `.shots/i18n-lesson-zh-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('switching language mid-lesson keeps the lesson, its step and its runs going', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#lesson=mode-seeking&lang=en');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByRole('heading')).toContainText('Mode-seeking and mass-covering');
  await expect(page.getByTestId('lesson-text')).toContainText('PRML figure 10.3, in one dimension');
  await page.getByTestId('metric-backend').filter({ hasNotText: 'warming up' }).waitFor();
  // A try first: the switch must keep the session as the learner left it, not restart the lesson.
  await panel.getByRole('button', { name: 'Try: Bumps closer, d = 1' }).click();
  await expect.poll(() => new URL(page.url()).hash).toContain('target.separation=1&');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepShown(page), { timeout: 60_000 }).toBeGreaterThan(20);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(panel.getByRole('heading')).toContainText('模式寻求与质量覆盖');
  await expect(page.getByTestId('lesson-text')).toContainText('PRML 图 10.3 的一维版本');
  await expect(panel.getByRole('button', { name: '试一试：两峰更近，d = 1' })).toBeVisible();
  const step = await stepShown(page);
  // Still running (the step goes on from where it was), still two runs, the try still in the link.
  await expect.poll(() => stepShown(page)).toBeGreaterThan(step);
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#lesson=mode-seeking&target=bimodal-1d&.*target.separation=1&.*lang=zh/);

  // Next lesson in 简体中文, then back to English: the words follow, the lesson stays.
  await panel.getByRole('button', { name: '下一课 →' }).click();
  await expect(panel.getByRole('heading')).toContainText('得分函数还是重参数化');
  await expect(page.getByTestId('lesson-text')).toContainText('ELBO 即 E_q[f(θ)]');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(panel.getByRole('heading')).toContainText('Score function or reparameterisation');
  await expect(page.getByTestId('lesson-text')).toContainText('Four gradients of the ELBO');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#lesson=score-vs-reparam&/);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Embed dialog in 简体中文, ${theme} theme: labels, parts, captions; the snippets stay as they are`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`./#target=banana&family=mean-field,full-rank&lang=zh&theme=${theme}`);
    await page.getByRole('button', { name: '嵌入', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '嵌入这个演示' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('group', { name: '隐藏' })).toBeVisible();
    await expect(dialog.getByRole('group', { name: '启动与尺寸' })).toBeVisible();
    // The part's name stays (it is what hide= takes), its description is Chinese.
    const transport = dialog.getByRole('checkbox', { name: /^transport 播放、单步、重置与步数计数/ });
    await transport.check();
    const iframeBox = dialog.getByRole('textbox', { name: 'iframe 代码' });
    await expect(iframeBox).toHaveValue(/^<iframe src="[^"]*embed\.html#target=banana&amp;.*lang=zh&amp;hide=transport" width="100%" height="720" title="VI Playground" style="border:0"><\/iframe>$/);
    await expect(dialog.getByRole('textbox', { name: '<vi-playground> 元素' })).toHaveValue(/<vi-playground config="#target=banana&/);
    await expect(dialog.getByText('任何允许 HTML 的地方都能用')).toBeVisible();
    await dialog.getByLabel('高度（px）').fill('500');
    await dialog.getByLabel('高度（px）').blur();
    await expect(dialog.locator('figcaption')).toContainText(/实时预览：800 px（典型栏宽的 100%） × 500 px/);
    await dialog.getByRole('button', { name: '复制 iframe 代码' }).click();
    await expect(dialog.getByText('已复制')).toBeVisible();
    await page.screenshot({ path: `.shots/i18n-embed-zh-${theme}.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `.shots/i18n-embed-zh-${theme}-360.png` });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
    expect(errors).toEqual([]);
  });
}

test('the Export menu in 简体中文; the files it saves stay as they are', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=banana&family=full-rank&autoplay=1&lang=zh');
  await waitReady(page);
  await expect.poll(() => stepShown(page), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.getByText('导出', { exact: true }).click();
  const menu = page.getByRole('menu', { name: '导出' });
  await expect(menu).toBeVisible();
  for (const group of ['图片', '数据', '代码']) await expect(menu.getByText(group, { exact: true })).toBeVisible();
  for (const row of ['密度图', 'ELBO 曲线图', 'KL 曲线图', '指标历史（全部运行）', '运行摘要（同 fit --json）', '本运行的脚本']) {
    await expect(menu.locator('.export-row', { hasText: row }).first()).toBeVisible();
  }
  await page.screenshot({ path: '.shots/i18n-export-zh.png' });
  const item = menu.locator('.export-row', { hasText: '指标历史' }).getByRole('menuitem', { name: 'CSV', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  // The file is data for a script: its header is the same in every language.
  expect(csv.split('\n')[0]).toMatch(/^[\x20-\x7e]+$/);
  expect(csv.split('\n')[0]).toContain('step');
  expect(errors).toEqual([]);
});
