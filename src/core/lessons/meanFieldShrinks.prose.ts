import type { LessonProse } from './types';

/** mean-field-shrinks's prose (meanFieldShrinks.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'PRML §10.1.2 and figure 10.2. p is a Gaussian with correlation ρ = 0.9; q is a product of two independent Gaussians, so it cannot tilt. ' +
      'Run 1 minimises the reverse KL(q‖p), the one the ELBO uses: q takes p’s precision on each axis, so its variances are 1 − ρ² = 0.19 and it sits inside p. ' +
      'Run 2 minimises the forward KL(p‖q): q matches p’s marginals, variances 1, and spills outside p. ' +
      'Both end at the same divergence, each in its own direction: −½ log(1 − ρ²) ≈ 0.830 nats, KL(q‖p) for run 1 and KL(p‖q) for run 2. ' +
      'Reverse KL under-estimates the spread: the classic complaint about mean-field VI.',
    watch: 'Run 1’s ellipses shrink to a narrow circle in the middle of p; run 2’s grow to a wide one around it. Each run’s own KL settles at the same value.',
    question: 'If q’s variances feed an error bar, which direction of KL would you want? And if q must never put mass where p has none?',
    tries: ['Weaker correlation, ρ = 0.5', 'Full-rank q for both'],
  },
  zh: {
    text:
      'PRML §10.1.2 与图 10.2。p 是相关系数 ρ = 0.9 的高斯；q 是两个独立高斯的乘积，所以无法倾斜。' +
      '运行 1 最小化反向 KL(q‖p)，即 ELBO 所用的那个：q 在每个轴上取 p 的精度，方差为 1 − ρ² = 0.19，落在 p 的内部。' +
      '运行 2 最小化正向 KL(p‖q)：q 匹配 p 的边缘分布，方差为 1，溢出到 p 之外。' +
      '两者最终的散度相同，只是方向各异：−½ log(1 − ρ²) ≈ 0.830 奈特，运行 1 是 KL(q‖p)，运行 2 是 KL(p‖q)。' +
      '反向 KL 低估了分布的宽度：这正是对平均场变分推断的经典批评。',
    watch: '运行 1 的椭圆收缩成 p 中央的一个窄圆；运行 2 的则扩展成包住它的宽圆。每个运行自己的 KL 都稳定在同一个值。',
    question: '如果 q 的方差要用来给出误差棒，你会选哪个方向的 KL？如果 q 绝不能把质量放在 p 没有质量的地方呢？',
    tries: ['较弱的相关，ρ = 0.5', '两个运行都用满秩 q'],
  },
  source: 'Bishop (2006), PRML §10.1.2, fig. 10.2',
};
