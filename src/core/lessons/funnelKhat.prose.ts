import type { LessonProse } from './types';

/** funnel-khat's prose (funnelKhat.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Neal’s funnel: a scale v, and an x whose spread is e^{v/2}. A full-rank Gaussian settles on the funnel’s middle. ' +
      'Its ELBO looks healthy, steady and with a small standard error, and nothing in it tells what q misses: the thin neck below and the wide mouth above. ' +
      'In a real problem log Z is unknown, so the KL is too. ' +
      'PSIS k̂ (Vehtari et al.) fits a generalised Pareto tail to the importance weights p̃/q at q’s own samples: ' +
      'above 0.5 their tail is heavy enough that importance-sampling estimates, and q’s picture of p, stop being reliable. ' +
      'Here k̂ stays above 0.5, and most read-outs say “not to be trusted”; it is re-estimated from fresh draws at every read-out, so it moves. The plot’s quadrature, which a real problem lacks, confirms it: KL(q‖p) ≈ 0.73 nats.',
    watch: 'The ELBO curve flattens early and stays put, while k̂ stays high and the ellipses never reach the neck.',
    question: 'k̂ sees only q’s own samples. How can it warn about parts of p that q never visits?',
    tries: ['A Student-t q (heavier tails)', 'A mixture of 5 Gaussians'],
  },
  zh: {
    text:
      'Neal 的漏斗：一个尺度 v，以及一个散布为 e^{v/2} 的 x。满秩高斯停在漏斗的中段。' +
      '它的 ELBO 看起来很健康，平稳且标准误很小，却丝毫看不出 q 漏掉了什么：下方细窄的颈部和上方宽阔的口部。' +
      '在实际问题中 log Z 未知，KL 也就未知。' +
      'PSIS k̂（Vehtari 等）在 q 自己的样本处，对重要性权重 p̃/q 拟合广义帕累托尾部：' +
      '超过 0.5 时，尾部已重到重要性采样的估计以及 q 对 p 的刻画都不再可靠。' +
      '这里 k̂ 一直高于 0.5，多数读数显示“不可信”；它在每次读数时都用新的样本重新估计，所以会上下波动。图上的数值积分（实际问题中没有）证实了这一点：KL(q‖p) ≈ 0.73 奈特。',
    watch: 'ELBO 曲线很早就变平并保持不动，而 k̂ 一直偏高，椭圆始终到不了颈部。',
    question: 'k̂ 只看得到 q 自己的样本。它怎么能对 q 从未到达的 p 的部分发出警告？',
    tries: ['学生 t 分布的 q（尾部更重）', '5 个高斯的混合'],
  },
  source: 'Neal (2003); Yao, Vehtari, Simpson & Gelman (2018)',
};
