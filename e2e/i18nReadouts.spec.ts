import { expect, test } from '@playwright/test';
import { metric, waitReady, watchPageErrors } from './helpers';

/**
 * The read-outs in 简体中文 (docs/i18n.md): the metrics panel and charts, the comparison's cards
 * and table, and the notices, which keep codes and are worded in the language on screen.
 */

test('a Chinese page shows Chinese metric labels with their numbers', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto('/#target=banana&lang=zh&autoplay=1');
  await waitReady(page);
  const metrics = page.getByRole('region', { name: '指标' });
  await expect(metrics).toBeVisible();
  await expect(metrics).toContainText('梯度信噪比');
  await expect(metrics).toContainText('单位均为奈特。');
  await expect(page.getByTestId('readout-step')).toHaveText(/^读数来自第 [\d,]+ 步/);
  await expect.poll(() => metric(page, 'metric-kl')).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'ELBO 与 KL 随步数的变化' })).toContainText('ELBO（奈特）');
  // The plot's text alternative keeps the KL value, in Chinese.
  await expect(page.getByRole('img', { name: /^目标 p 为填充等高线.*KL\(q‖p\) = [\d.]+ 奈特$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a comparison in Chinese labels its cards and table in Chinese', async ({ page }) => {
  await page.goto('/#target=banana&family=mean-field,full-rank&lang=zh&autoplay=1');
  await expect(page.getByTestId('run-1')).toBeVisible();
  const table = page.getByRole('region', { name: '运行对比' });
  await expect(table.getByRole('columnheader', { name: '变分族 · 设置' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '步/秒' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制运行 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: '移除运行 1' })).toBeVisible();
  await expect(page.getByTestId('run-0')).toContainText(/第 [\d,]+ 步/);
  await expect(page.getByTestId('run-0').locator('.run-settings > summary')).toContainText('个样本');
});

test('a malformed link is told in Chinese, and in English after switching language', async ({ page }) => {
  await page.goto('/#target=banana&lr=5&lang=zh');
  const notice = page.locator('.notices .notice').filter({ hasText: 'lr' });
  await expect(notice).toHaveText(/链接：lr 必须 ≤ 0\.5（收到 "5"）；因此改用 0\.05。/);
  await expect(notice.getByRole('button', { name: '关闭提示' })).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(notice).toHaveText(/Link: lr must be ≤ 0\.5 \(got "5"\); using 0\.05\./);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(notice).toContainText('因此改用 0.05');
});
