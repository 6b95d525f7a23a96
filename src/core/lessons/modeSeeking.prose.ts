import type { LessonProse } from './types';

/** mode-seeking's prose (modeSeeking.ts), in both languages: a chunk of its own, loaded when the lesson opens. */
export const prose: LessonProse = {
  en: {
    text:
      'PRML figure 10.3, in one dimension: p is an equal mixture of N(−3, 1) and N(3, 1), and q a single Gaussian. ' +
      'Reverse KL(q‖p) is mode-seeking: q pays dearly for mass where p has none, so run 1 settles on one bump with variance near 1 and ignores the other, at KL(q‖p) ≈ 0.689, just under log 2. ' +
      'Which bump depends on the start: q starts left of centre, so here it takes the left one. ' +
      'Forward KL(p‖q) is mass-covering: q must put mass wherever p has some, so run 2 matches p’s mean 0 and variance 1 + 3² = 10, ' +
      'and sits mostly in the empty valley between the bumps, at KL(p‖q) ≈ 0.462.',
    watch: 'Run 1 slides into the left bump and stays there; run 2 spreads over both. Compare each run’s two KLs: each is small only in its own direction.',
    question: 'Bring the bumps together. At which separation can a single Gaussian no longer choose one?',
    tries: ['Heavier right bump, w = 0.2', 'Bumps closer, d = 1'],
  },
  zh: {
    text:
      'PRML 图 10.3 的一维版本：p 是 N(−3, 1) 与 N(3, 1) 的等权混合，q 是单个高斯。' +
      '反向 KL(q‖p) 是模式寻求的：q 在 p 没有质量的地方放置质量代价很高，所以运行 1 停在一个峰上，方差接近 1，忽略另一个峰，KL(q‖p) ≈ 0.689，略低于 log 2。' +
      '停在哪个峰取决于起点：q 从中心左侧出发，所以这里它选了左峰。' +
      '正向 KL(p‖q) 是质量覆盖的：p 有质量的地方 q 都必须有质量，所以运行 2 匹配 p 的均值 0 与方差 1 + 3² = 10，' +
      '大部分落在两峰之间的空谷里，KL(p‖q) ≈ 0.462。',
    watch: '运行 1 滑进左峰并停在那里；运行 2 铺开覆盖两个峰。比较每个运行的两个 KL：每个只在自己的方向上小。',
    question: '让两个峰靠近。两峰相距多近时，单个高斯就再也无法只选其中一个？',
    tries: ['右峰更重，w = 0.2', '两峰更近，d = 1'],
  },
  source: 'Bishop (2006), PRML §10.1.2, fig. 10.3; Minka (2005)',
};
