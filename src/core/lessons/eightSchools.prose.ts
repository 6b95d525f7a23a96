import type { LessonProse } from './types';

/** eight-schools's prose (eightSchools.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'Eight schools (Rubin 1981; Gelman et al., BDA §5.5), reduced to the population mean μ and log τ, the spread between schools. ' +
      'Run 1 is mean-field: μ and log τ independent under q. Run 2 is full-rank and may correlate them. ' +
      'Here independence costs almost nothing: both settle near KL(q‖p) ≈ 0.085, because in this posterior μ and log τ are nearly uncorrelated. ' +
      'What both miss is the shape: as τ → 0 the posterior narrows into a funnel that no Gaussian follows, and PSIS k̂ flags the heavy tail of the importance weights. ' +
      'Mean-field’s price is correlation; a curved posterior costs every Gaussian.',
    watch: 'The two runs’ ellipses: the full-rank one barely tilts. Their KL curves end almost on top of each other.',
    question: 'What must a posterior look like for mean-field to cost much more than full-rank? Try the correlated Gaussian to check.',
    tries: ['Planar flow for run 2', 'Correlated Gaussian, ρ = 0.9'],
  },
  zh: {
    text:
      '八所学校（Rubin 1981；Gelman 等，BDA §5.5），化简为总体均值 μ 与 log τ（τ 是学校之间的离散程度）。' +
      '运行 1 是平均场：在 q 下 μ 与 log τ 相互独立。运行 2 是满秩，可以让它们相关。' +
      '这里独立几乎没有代价：两者都稳定在 KL(q‖p) ≈ 0.085 附近，因为在这个后验中 μ 与 log τ 几乎不相关。' +
      '两者都漏掉的是形状：τ → 0 时后验收窄成一个漏斗，任何高斯都跟不上，而 PSIS k̂ 会标出重要性权重的重尾。' +
      '平均场的代价是相关性；弯曲的后验则让每个高斯都付出代价。',
    watch: '两个运行的椭圆：满秩的几乎不倾斜。它们的 KL 曲线最后几乎重合。',
    question: '后验要长成什么样，平均场的代价才会远高于满秩？试试相关高斯来验证。',
    tries: ['运行 2 改用平面流', '相关高斯，ρ = 0.9'],
  },
  source: 'Rubin (1981); Gelman et al. (2013) §5.5; docs/targets.md#eight-schools',
};
