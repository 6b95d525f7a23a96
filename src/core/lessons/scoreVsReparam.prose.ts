import type { LessonProse } from './types';

/** score-vs-reparam's prose (scoreVsReparam.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Four gradients of the ELBO, E_q[f(θ)] with f = log p̃ − log q, from 8 samples a step. ' +
      'Reparameterisation (run 1) writes θ = μ + Lε and differentiates through f: it needs ∇log p̃. ' +
      'The score function (REINFORCE) uses E_q[(f − b) ∇log q] and needs only values of f: run 2 with a running-mean baseline b, run 4 with none. ' +
      'A full-rank q can match this p, and at q = p f is the constant log Z (0 for this normalised p): the score gradient vanishes there, ' +
      'and so does STL’s (run 3, sticking the landing), so runs 2 and 3 settle below KL 0.01. Reparameterisation keeps some noise and jitters. ' +
      'The baseline matters when log Z is not 0: adding a constant to log p̃ changes neither p nor the pathwise gradient, but without a baseline it multiplies the score gradient’s noise.',
    watch: 'The KL chart on its log axis: run 1 hovers, runs 2 and 3 dive. The gradient SNR of each run in its read-outs.',
    question: 'On the banana, q can no longer match p and f is no longer constant. Which estimator is noisiest there?',
    tries: ['Add 10 to log p̃ (run 4 stays noisy)', 'The banana (q cannot match p)'],
  },
  zh: {
    text:
      'ELBO 即 E_q[f(θ)]，其中 f = log p̃ − log q；这里用四种梯度估计它，每步 8 个样本。' +
      '重参数化（运行 1）写作 θ = μ + Lε，并穿过 f 求导：它需要 ∇log p̃。' +
      '得分函数（REINFORCE）使用 E_q[(f − b) ∇log q]，只需要 f 的值：运行 2 带滑动平均基线 b，运行 4 不带基线。' +
      '满秩 q 能与这个 p 完全吻合，而在 q = p 处 f 是常数 log Z（这个 p 已归一化，为 0）：得分梯度在那里消失，' +
      'STL（运行 3，sticking the landing）的梯度也一样，所以运行 2 和 3 稳定在 KL 0.01 以下。重参数化始终带着一些噪声，来回抖动。' +
      'log Z 不为 0 时基线就很重要：给 log p̃ 加一个常数既不改变 p，也不改变路径梯度，但没有基线时它会放大得分梯度的噪声。',
    watch: '对数坐标下的 KL 图：运行 1 徘徊不下，运行 2 和 3 急剧下降。另看各运行读数中的梯度信噪比。',
    question: '在香蕉分布上，q 再也无法匹配 p，f 也不再是常数。哪种估计量在那里噪声最大？',
    tries: ['给 log p̃ 加 10（运行 4 仍然嘈杂）', '香蕉分布（q 无法匹配 p）'],
  },
  source: 'Williams (1992); Kingma & Welling (2014); Roeder, Wu & Duvenaud (2017)',
};
