import type { enControls } from '../en/controls';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the controls: target, family, objective and estimator pickers, sliders, formula box: the same keys as en/controls.ts. */
export const zhControls: WordsOf<typeof enControls> = {
  ctlSpeedMax: '最快',
  ctlTargetTitle: '目标分布 p(θ)',
  ctlTargetPicker: '目标分布',
  ctlYourFormula: '你的公式…',
  ctlData: (source) => `数据：${source}`,
  ctlConstrained: (names) => `在无约束空间（${names}）中拟合，并计入对数雅可比行列式；两个空间中都有显示。`,
  ctlSliderHint: '运行中也可以拖动滑块：q 会追随新的 p。',
  ctlSliderHintRuns: '运行中也可以拖动滑块：每个运行中的 q 都会追随新的 p。',
  ctlFamilyTitle: '变分族 q(θ)',
  ctlCompare: '+ 对比',
  ctlCompareTitle: '用第二个变分族拟合同一个 p，并排对比',
  ctlFamilyPicker: '变分族',
  ctlFamilyPickerOfRun: (run) => `运行 ${run} 的变分族`,
  ctlOptimisation: '优化',
  ctlNoDensity: '没有密度：无法显示 ELBO 或 KL，只能显示 q 把它的点放在哪里。',
  ctlSampleDensity: '密度只在它自己的样本处已知：KL(q‖p) 由 log Z − ELBO 得到，KL(p‖q) 无法计算。',
  ctlAveraging: '对迭代取平均（读数显示稳定后的 q）',
  ctlAveragingTitle:
    'Polyak–Ruppert 平均：学习率不变时，q 会在最优点附近抖动；它最近若干次迭代的平均值则会稳定在最优点上。此时读数描述的是这个平均。',
  ctlFittedByMap: (family) => `${family}通过在单个点上最大化 log p̃ 来拟合（MAP）；目标函数和梯度估计器不适用。`,
  ctlFittedByOwn: (family) => `${family}按自己的更新规则移动粒子；目标函数和梯度估计器不适用。`,
  ctlObjective: '目标函数',
  ctlEstimator: '梯度估计器',
  ctlEstimatorNotFor: (objective, estimators) => `${objective}只能用这些估计器：${estimators}`,
  ctlEstimatorNeedsDensity: (family) => `需要任意点处的 log q，而${family}没有`,
  ctlFormulaName: '公式',
  ctlDomainLabel: '定义域（xmin, xmax[, ymin, ymax]）',
  ctlDomainName: '定义域',
  ctlFormulaKept: '运行会沿用上一个有效的公式。',
  ctlFormulaHelp:
    '可以使用 x（和 y）、数字、pi、e、+ − * / ^、exp、log、sqrt、abs、sin、cos、tan、tanh、sigmoid、softplus、log1p、expm1、pow、min、max、logsumexp(a, b, …)、normal_lpdf(v, mean, sd)。',
};
