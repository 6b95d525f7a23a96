import type { LessonProse } from './types';

/** constrained's prose (constrained.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'A coin’s probability of heads θ lives in (0, 1), but a Gaussian q lives on the whole line. ' +
      'So VI runs on u = logit θ, and the density is carried across with the Jacobian: π(u) = π(θ)·|dθ/du|, with |dθ/du| = θ(1 − θ). ' +
      'Leave that factor out and you fit a different posterior. ' +
      'This is the setting of Pyro’s SVI tutorial: a Beta(10, 10) prior, 6 heads and 4 tails, so the posterior is Beta(16, 14) with mean 16/30 ≈ 0.533. ' +
      'The plot “where VI runs” is u; the one “in the model’s space” is θ, shown as p. ' +
      'The mean of θ under q reads ≈ 0.533 too, but it is not σ of the mean of u: a nonlinear map does not commute with taking a mean. ' +
      'log Z ≈ −7.069 is the marginal likelihood of the ten tosses.',
    watch: 'q is a Gaussian in u; pushed through σ it becomes a slightly skewed bump on (0, 1), on top of the Beta posterior.',
    question: 'With a flat Beta(1, 1) prior and 0 heads in 3 tosses, where is the posterior’s mass, and what does a Gaussian on u do with it?',
    tries: ['60 heads and 40 tails', 'Flat prior, 0 heads in 3'],
  },
  zh: {
    text:
      '硬币正面朝上的概率 θ 位于 (0, 1) 中，而高斯 q 定义在整条实数轴上。' +
      '所以变分推断在 u = logit θ 上进行，密度借助雅可比因子变换过来：π(u) = π(θ)·|dθ/du|，其中 |dθ/du| = θ(1 − θ)。' +
      '漏掉这个因子，拟合的就是另一个后验。' +
      '这正是 Pyro 的 SVI 教程的设定：Beta(10, 10) 先验，6 次正面、4 次反面，所以后验是 Beta(16, 14)，均值 16/30 ≈ 0.533。' +
      '“变分推断所在空间”那张图是 u；“模型自身的空间”那张是 θ，以 p 显示。' +
      'θ 在 q 下的均值也约为 0.533，但它不是 u 的均值经 σ 映射的结果：非线性映射与取均值不可交换。' +
      'log Z ≈ −7.069 是这十次抛掷的边缘似然。',
    watch: 'q 是 u 上的高斯；经 σ 推到 (0, 1) 上后，它成为叠在 Beta 后验上的一个略微偏斜的峰。',
    question: '若用平坦的 Beta(1, 1) 先验，3 次抛掷 0 次正面，后验的质量在哪里？u 上的高斯会怎样对待它？',
    tries: ['60 次正面、40 次反面', '平坦先验，3 次中 0 次正面'],
  },
  source: 'Pyro’s SVI tutorial, part I; docs/targets.md#coin',
};
