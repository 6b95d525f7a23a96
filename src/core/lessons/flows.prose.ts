import type { LessonProse } from './types';

/** flows's prose (flows.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Rezende & Mohamed (2015), figure 3: the energies U1–U4 fitted by planar flows, a Gaussian bent by a stack of layers, each a smooth shear along one direction. ' +
      'Three runs on the same target, with 2, 8 and 32 layers. ' +
      'U1 is a ring cut in two. Two layers can bend q but hardly split it: KL(q‖p) stays above 0.15. Eight layers open the ring; 32 follow it closely, below 0.1. ' +
      'A flow knows log q only at its own samples, so its KL(q‖p) is log Z − ELBO, with the ELBO’s error. ' +
      'More layers cost more per step and can be harder to train: watch the speed and the jitter.',
    watch: 'The three plots side by side: the 2-layer q stays one lump; the deeper ones wrap around the ring. The KL chart orders them by depth.',
    question: 'Why can a few planar layers not split one Gaussian into two separate pieces? What does each layer do to a straight line?',
    tries: ['The wave U2', 'The split wave U4'],
  },
  zh: {
    text:
      'Rezende 与 Mohamed (2015) 图 3：用平面流拟合能量 U1–U4；平面流是被一叠层弯曲的高斯，每层沿一个方向做一次光滑的剪切。' +
      '同一目标上的三个运行，分别有 2、8 和 32 层。' +
      'U1 是一个被切成两半的环。两层能让 q 弯曲，却几乎无法把它分开：KL(q‖p) 保持在 0.15 以上。八层能打开这个环；32 层紧贴着它，低于 0.1。' +
      '流只在自己的样本处知道 log q，所以它的 KL(q‖p) 是 log Z − ELBO，带着 ELBO 的误差。' +
      '层数越多，每步代价越高，也可能更难训练：留意速度和抖动。',
    watch: '三张图并排：2 层的 q 仍是一团；更深的绕着环包裹。KL 图按深度给它们排序。',
    question: '为什么几个平面层无法把一个高斯分成两块分离的部分？每一层对一条直线做了什么？',
    tries: ['波浪 U2', '断开的波浪 U4'],
  },
  source: 'Rezende & Mohamed (2015), fig. 3',
};
