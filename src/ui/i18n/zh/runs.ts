import type { enRuns } from '../en/runs';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the comparison's run cards and table: the same keys as en/runs.ts. */
export const zhRuns: WordsOf<typeof enRuns> = {
  addRun: '+ 添加一个运行',
  runCardLabel: (n, family) => `运行 ${n}：${family}`,
  runBadgeTitle: (n) => `运行 ${n}`,
  runBadgeHidden: '运行 ',
  copyRun: (n) => `复制运行 ${n}`,
  copyRunButton: '复制',
  copyRunTitle: '复制：相同的设置，从第 0 步开始',
  removeRun: (n) => `移除运行 ${n}`,
  removeRunTitle: '移除此运行',
  runSettingsLine: (objective, estimator, optimizer, lr, samples) => `${objective} · ${estimator} · ${optimizer} 学习率 ${lr} · ${samples} 个样本`,
  runHalted: '已停止',
  runAtStep: (step) => `第 ${step} 步`,
  runReadAt: (step) => ` · 读数于 ${step}`,
  compareLabel: '运行对比',
  colRun: '运行',
  colFamily: '变分族 · 设置',
  colElbo: 'ELBO ± 标准误',
  colSpeed: '步/秒',
  gapMark: '（差值）',
  compareFineprint: '单位均为奈特。KL(q‖p) 由绘图网格上的数值积分得到，标注“差值”处为 log Z − ELBO。log Z 是 ELBO 图中的虚线。',
};
