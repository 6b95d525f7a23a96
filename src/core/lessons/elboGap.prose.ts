import type { LessonProse } from './types';

/** elbo-gap's prose (elboGap.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Every fit here obeys one identity: log Z = ELBO + KL(q‖p). Here p is three bumps with Z = 3, so log Z ≈ 1.099 nats. ' +
      'A full-rank Gaussian cannot cover them: its ELBO settles near 0.54 (a Monte Carlo estimate), and the gap, KL(q‖p) ≈ 0.56, is exactly what the ELBO misses. ' +
      'log Z does not depend on q, so maximising the ELBO is minimising the KL.\n' +
      'A formula that circulates in tutorials, log p(θ) ≈ log q(θ) − KL(q‖p), mixes the two up: log p(θ) is a function of θ, KL(q‖p) one number for the whole of q. ' +
      'The true pointwise relation is log p(θ) = log p̃(θ) − log Z; averaging log p̃ − log q over q gives ELBO = log Z − KL(q‖p). ' +
      'Minimising the ELBO instead would push q to where p̃ is tiny, and the KL would grow without bound.',
    watch: 'The line under the plot: ELBO + KL(q‖p) against log Z, equal within the ELBO’s Monte Carlo error at every step, while the ELBO climbs.',
    question: 'The ELBO is a lower bound on log Z. Which q makes it equal to log Z, and can one Gaussian get there?',
    tries: ['A mixture of 3 Gaussians', 'A mean-field Gaussian'],
  },
  zh: {
    text:
      '这里的每次拟合都满足同一个恒等式：log Z = ELBO + KL(q‖p)。此处 p 是三个峰，Z = 3，所以 log Z ≈ 1.099 奈特。' +
      '满秩高斯无法覆盖三个峰：它的 ELBO 稳定在 0.54 附近（蒙特卡洛估计），而差距 KL(q‖p) ≈ 0.56 恰好是 ELBO 缺少的部分。' +
      'log Z 与 q 无关，因此最大化 ELBO 就是最小化 KL。\n' +
      '教程里流传的一个公式 log p(θ) ≈ log q(θ) − KL(q‖p) 把两者混为一谈：log p(θ) 是 θ 的函数，而 KL(q‖p) 是整个 q 的一个数。' +
      '真正的逐点关系是 log p(θ) = log p̃(θ) − log Z；把 log p̃ − log q 在 q 下取平均，得到 ELBO = log Z − KL(q‖p)。' +
      '反过来最小化 ELBO 会把 q 推向 p̃ 极小的地方，KL 将无限增大。',
    watch: '图下方的那一行：ELBO + KL(q‖p) 与 log Z 对照，每一步都在 ELBO 的蒙特卡洛误差内相等，同时 ELBO 不断上升。',
    question: 'ELBO 是 log Z 的下界。什么样的 q 能让它等于 log Z？单个高斯能做到吗？',
    tries: ['3 个高斯的混合', '平均场高斯'],
  },
  source: 'Blei, Kucukelbir & McAuliffe (2017) §2.2',
};
