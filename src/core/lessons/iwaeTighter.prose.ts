import type { LessonProse } from './types';

/** iwae-tighter's prose (iwaeTighter.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Importance-weighted bounds (Burda et al. 2016) average K importance weights w = p̃(θ)/q(θ) inside the log: L_K = E log((w₁ + … + w_K)/K). ' +
      'L₁ is the ELBO; L_K rises with K and reaches log Z as K → ∞. ' +
      'Three full-rank Gaussians fit three bumps, log Z = log 3 ≈ 1.099, each trained on its own bound and each bound a Monte Carlo estimate: K = 1 stays below 0.75, K = 5 passes 0.8, K = 50 passes 0.95. ' +
      'The bound closes in on log Z while q itself gets wider: IWAE’s q is a proposal for importance sampling, not a better approximation of p, and its KL(q‖p) grows with K.',
    watch: 'Each run’s bound against the log Z line in the chart, and each run’s KL(q‖p) in the table: the order is reversed.',
    question: 'L₅₀ is much tighter than the ELBO. Why not report IWAE’s q as the posterior approximation?',
    tries: ['Mixtures of 3 instead', 'K = 1, 2, 64'],
  },
  zh: {
    text:
      '重要性加权界（Burda 等 2016）在对数内部对 K 个重要性权重 w = p̃(θ)/q(θ) 取平均：L_K = E log((w₁ + … + w_K)/K)。' +
      'L₁ 就是 ELBO；L_K 随 K 增大而上升，K → ∞ 时达到 log Z。' +
      '三个满秩高斯拟合三个峰，log Z = log 3 ≈ 1.099，各自按自己的界训练，每个界都是蒙特卡洛估计：K = 1 保持在 0.75 以下，K = 5 超过 0.8，K = 50 超过 0.95。' +
      '界逼近 log Z 的同时 q 本身却变宽了：IWAE 的 q 是重要性采样的提议分布，而不是对 p 更好的近似，它的 KL(q‖p) 随 K 增大。',
    watch: '图中每个运行的界与 log Z 线的对比，以及表中每个运行的 KL(q‖p)：两者的顺序正好相反。',
    question: 'L₅₀ 比 ELBO 紧得多。为什么不把 IWAE 的 q 当作后验近似来报告？',
    tries: ['改用 3 个分量的混合', 'K 取 1、2、64'],
  },
  source: 'Burda, Grosse & Salakhutdinov (2016)',
};
