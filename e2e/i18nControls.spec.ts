import { expect, test } from '@playwright/test';
import { watchPageErrors } from './helpers';

test.describe.configure({ timeout: 240_000 });

const HAN = /[\u4e00-\u9fff]/;

test('the controls speak 简体中文 from the link, and English after a switch mid-run', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('./#target=banana&lang=zh&autoplay=1');
  const target = page.getByRole('combobox', { name: '目标分布' });
  await expect(target).toHaveValue('banana');
  // The picker's options and the description come from the catalogue's zh table.
  await expect(target.locator('option:checked')).toHaveText('香蕉形分布');
  await expect(target.locator('option[value="formula"]')).toHaveText('你的公式…');
  await expect(page.locator('[data-part="target"] .describe')).toContainText('弯曲的山脊');
  // Sliders: label and accessible name.
  await expect(page.getByRole('slider', { name: '宽度 a' })).toBeVisible();
  await expect(page.getByRole('slider', { name: '曲率 b' })).toBeVisible();
  await expect(page.getByRole('slider', { name: '学习率' })).toBeVisible();
  await expect(page.getByRole('slider', { name: '每步样本数' })).toBeVisible();
  const family = page.getByRole('combobox', { name: '变分族' });
  await expect(family.locator('option:checked')).toHaveText(HAN);
  await expect(family.locator('option[value="mean-field"]')).toHaveText('平均场高斯');
  await expect(page.getByRole('heading', { name: '变分族 q(θ)' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ 对比' })).toBeVisible();
  // The objective section.
  const objective = page.getByRole('combobox', { name: '目标函数' });
  await expect(objective.locator('option[value="reverse-kl"]')).toHaveText('反向 KL（ELBO）');
  await expect(page.locator('[data-part="objective"] .describe')).toContainText('最大化 ELBO');
  const estimator = page.getByRole('combobox', { name: '梯度估计器' });
  await expect(estimator.locator('option[value="reparam"]')).toHaveText('重参数化');
  // A disabled choice says why in Chinese (planar flows have no log q off their samples).
  await family.selectOption('planar-flow');
  await expect(objective.locator('option[value="forward-kl"]')).toBeDisabled();
  await expect(objective.locator('option[value="forward-kl"]')).toHaveAttribute('title', /平面流/);
  await expect(page.getByRole('slider', { name: '层数' })).toBeVisible();

  // Switch mid-run: English, and the run goes on.
  const step = async () => Number(((await page.getByTestId('metric-step').textContent()) ?? '').replace(/,/g, ''));
  await expect.poll(step, { timeout: 90_000 }).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const en = page.getByRole('combobox', { name: 'target distribution' });
  await expect(en.locator('option:checked')).toHaveText('Banana');
  await expect(page.getByRole('slider', { name: 'width a' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'learning rate' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'variational family' }).locator('option:checked')).toHaveText('Planar flow');
  await expect(page.getByRole('combobox', { name: 'objective' }).locator('option:checked')).toHaveText('Reverse KL (ELBO)');
  await expect(page.getByRole('combobox', { name: 'gradient estimator' })).toBeVisible();
  const at = await step();
  await expect.poll(step).toBeGreaterThan(at);
  expect(errors).toEqual([]);
});

test('the formula box speaks 简体中文', async ({ page }) => {
  await page.goto('./#target=formula&lang=zh');
  await expect(page.getByRole('textbox', { name: '公式' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '定义域' })).toBeVisible();
  await expect(page.locator('.formula-editor')).toContainText('可以使用 x');
  await expect(page.locator('[data-part="target"] .describe')).toContainText('即你输入的公式');
  // Mistakes are worded from core's codes: a typo with its column, then a bad domain.
  const box = page.getByRole('textbox', { name: '公式' });
  await box.fill('-x^2 + lgo(x)');
  await expect(page.getByRole('alert')).toContainText('第 8 列：未知函数 “lgo”——你是不是想写 log？');
  await expect(page.getByRole('alert')).toContainText('运行会沿用上一个有效的公式。');
  await box.fill('-x^2/2');
  await page.getByRole('textbox', { name: '定义域' }).fill('6,-6');
  await expect(page.getByRole('alert')).toContainText('定义域：xmin（6）必须小于 xmax（-6）');
  await page.getByRole('textbox', { name: '定义域' }).fill('-3,3');
  await box.fill('x^2');
  await expect(page.getByRole('status').filter({ hasText: '落在定义域的边缘' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`in 简体中文 at 360 px (${theme}), the controls fit the screen`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`./#target=coin&family=mixture&objective=iwae&lang=zh&theme=${theme}`);
    await expect(page.getByRole('slider', { name: '先验 a（虚拟正面数）' })).toBeVisible();
    await expect(page.getByRole('slider', { name: '分量数 K' })).toBeVisible();
    await expect(page.getByRole('slider', { name: '重要性样本数 K' })).toBeVisible();
    await page.screenshot({ path: `test-results/i18n-controls-360-${theme}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}
