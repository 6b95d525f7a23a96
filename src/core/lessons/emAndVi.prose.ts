import type { LessonProse } from './types';

/** em-and-vi's prose (emAndVi.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Six data points from ½N(μ₁, 1) + ½N(μ₂, 1) with unknown means; the plot is the posterior over (μ₁, μ₂). ' +
      'EM treats each point’s component zₙ as latent and μ as a parameter. E-step: q(z) = p(z | x, μ), the responsibilities, so KL(q(z)‖p(z | x, μ)) = 0 and the ELBO touches log p(x, μ). ' +
      'M-step: maximise the ELBO over μ, a weighted mean. ' +
      'The dotted path is EM from (−4, −3): it climbs to the mode (−1.783, 1.693) and stops there, a point. ' +
      'VI instead fits a distribution q(μ₁, μ₂) over the means. ' +
      'Swapping the labels gives the same fit, so p has a mirror mode at (1.693, −1.783). ' +
      'One Gaussian takes one mode, as EM does, and misses half of p: KL(q‖p) ≈ 0.70, close to log 2.',
    watch: 'EM’s path and q’s ellipses end at the same mode; the mirror mode stays empty. Move a data point: the path and p move together.',
    question: 'EM’s E-step makes its KL over z exactly zero. Why can a Gaussian q over μ not make its KL zero here?',
    tries: ['A mixture of 2 for q', 'Move x₃ to 0.5'],
  },
  zh: {
    text:
      '从 ½N(μ₁, 1) + ½N(μ₂, 1) 中抽取的六个数据点，均值未知；图中是 (μ₁, μ₂) 的后验。' +
      'EM 把每个点所属的分量 zₙ 当作隐变量，把 μ 当作参数。E 步：q(z) = p(z | x, μ)，即责任度，于是 KL(q(z)‖p(z | x, μ)) = 0，ELBO 与 log p(x, μ) 相切。' +
      'M 步：对 μ 最大化 ELBO，得到加权均值。' +
      '虚线路径是从 (−4, −3) 出发的 EM：它爬到众数 (−1.783, 1.693) 后停在那里，只是一个点。' +
      '变分推断则拟合均值上的一个分布 q(μ₁, μ₂)。' +
      '交换标签得到同样的拟合，所以 p 在 (1.693, −1.783) 有一个镜像众数。' +
      '单个高斯像 EM 一样只取一个众数，错过了 p 的一半：KL(q‖p) ≈ 0.70，接近 log 2。',
    watch: 'EM 的路径与 q 的椭圆终止于同一个众数；镜像众数空着。移动一个数据点：路径和 p 一起移动。',
    question: 'EM 的 E 步让它关于 z 的 KL 恰好为零。为什么这里关于 μ 的高斯 q 无法让它的 KL 为零？',
    tries: ['q 用 2 个分量的混合', '把 x₃ 移到 0.5'],
  },
  source: 'Bishop (2006), PRML §9.2–9.4; Neal & Hinton (1998)',
};
