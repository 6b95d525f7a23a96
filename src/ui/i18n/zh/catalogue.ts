import type { CatalogueTable, TargetWords } from '../catalogue';

/**
 * 简体中文 for the catalogue, keyed by the specs' ids (English is each spec's own). It lives in the
 * zh chunk only; catalogue.test.ts checks it against the registries both ways.
 */

const WALL = (u: string) =>
  `${u} 在 ℝ² 上不可归一化：e^{−U} 在 ℝ² 上的质量是无穷大（沿 x 方向没有什么能拦住它），所以在方框 [−4, 4]² 之外给 log p̃ 加上一道陡墙 −½(d/0.1)²，d 是到方框的距离；方框之内 p̃ 恰为 e^{−U}。`;

const dataPoints = Object.fromEntries(['₁', '₂', '₃', '₄', '₅', '₆'].map((s, i) => [`x${i + 1}`, { label: `数据点 x${s}` }]));

const targets: Readonly<Record<string, TargetWords>> = {
  'gaussian-1d': {
    name: '高斯分布（一维）',
    description: '单独一条钟形曲线：高斯 q 能与它完全吻合，所以 KL 应当降到 0。',
    params: { mean: { label: '均值 m' }, sd: { label: '标准差 s' } },
  },
  'bimodal-1d': {
    name: '双峰分布（一维）',
    description: '位于 ±d 的两个峰：两峰相距较远时，反向 KL 下的单个高斯会锁定其中一个。',
    params: { weight: { label: '左峰权重 w' }, separation: { label: '间距 d（峰位于 ±d）' } },
  },
  'student-t-1d': {
    name: '学生 t 分布（一维）',
    description: '尾部很重的钟形曲线：高斯 q 拟合了中部却错过了尾部，k̂ 会标出这一点。',
    caveat:
      'ν ≤ 2 时尾部重到有一部分质量落在 ±20 之外（ν = 1 时为 3 %，ν = 2 时为 0.25 %）：所示的 log Z 和 KL 只针对绘图范围之内的部分。ν ≤ 2 时方差为无穷大，ν = 1 时均值无定义。',
    params: { nu: { label: '自由度 ν', help: 'ν = 1 即柯西分布；ν 越大，尾部越薄，越接近高斯。' } },
  },
  'skew-normal-1d': {
    name: '偏正态分布（一维）',
    description: '被 α 推向一侧的钟形曲线：对称的高斯 q 只能在陡峭的一侧与拖长的一侧之间折中。',
    params: { alpha: { label: '偏度 α' } },
  },
  'correlated-gaussian': {
    name: '相关高斯分布',
    description: '一个倾斜的椭圆：平均场 q 无法倾斜，所以反向 KL 使它过窄（方差为 1/Λᵢᵢ 而非 Σᵢᵢ）。',
    params: { rho: { label: '相关系数 ρ' }, sd1: { label: 'σ₁（x 方向的散布）' }, sd2: { label: 'σ₂（y 方向的散布）' } },
  },
  banana: {
    name: '香蕉形分布',
    description: '一道弯曲的山脊：高斯 q 只能覆盖它的中段，所以 KL 停在 0 以上。',
    params: { a: { label: '宽度 a' }, b: { label: '曲率 b' } },
  },
  donut: {
    name: '环形分布',
    description: '一个细环：高斯 q 无法绕着它弯曲，只能横跨中间的空洞，或贴住一侧。',
  },
  multimodal: {
    name: '三峰分布',
    description: '三个分开的峰：反向 KL 让单个高斯停在其中一个上，或横跨其中两个。',
  },
  funnel: {
    name: 'Neal 漏斗',
    description: '窄颈张开成宽口：一个高斯无法既在底部细窄、又在顶部宽阔。',
    caveat:
      '漏斗的口在绘图范围之上继续变宽：约 12 % 的质量落在 [−6, 6]² 之外，所以所示的 log Z 和 KL 针对的是限制在绘图范围内的 p。靠近底部时颈部比网格间距还窄，这使网格算出的 log Z 偏移约 0.006。',
  },
  squiggle: {
    name: '波浪形分布',
    description: '弯成快速波浪的高斯：q 能跟上它的整体散布，却跟不上它的起伏。',
  },
  rosenbrock: {
    name: 'Rosenbrock 分布',
    description: '沿 y = x² 的一道狭长弯曲的山谷：高斯 q 只能覆盖其中短短一段直的部分。',
    caveat: 'x 的标准差为 √10 ≈ 3.2，所以抛物线的两臂伸得很远：约 4 % 的质量落在绘图范围的上方或两侧，所示的 log Z 和 KL 针对的是限制在绘图范围内的 p。',
  },
  u1: {
    name: '能量 U₁（分裂的环）',
    description: '质量聚集在左右两端的环：两道新月，一个高斯无法同时覆盖。',
  },
  u2: {
    name: '能量 U₂（波）',
    description: '沿正弦波横贯整个方框的细带：q 必须沿着一条它无法弯曲贴合的曲线伸展。',
    caveat: WALL('U₂'),
  },
  u3: {
    name: '能量 U₃（分叉的波）',
    description: '在 x = 1 附近一分为二的正弦波带：反向 KL 必须在那里选择一条分支。',
    caveat: WALL('U₃'),
  },
  u4: {
    name: '能量 U₄（阶梯波）',
    description: '在 x > 1 处下移并分成两条的正弦波带：两条分支，其中一条紧贴墙壁。',
    caveat: `${WALL('U₄')}在 x = 3 附近，下方的分支撞上 y = −4 处的墙。`,
  },
  coin: {
    name: '硬币（Beta–Bernoulli）',
    description: '抛掷若干次后硬币正面朝上的概率：q 定义在 logit p 上，也在 p 上显示。',
    caveat:
      '变分推断在 u = logit p（一条无界的直线）上进行，并把 log|dp/du| = log p + log(1 − p) 加到 log p̃ 上。精确后验为 Beta(a + 正面数, b + 反面数)，均值为 (a + 正面数)/(a + b + 正面数 + 反面数)：并不是 u 的均值经 σ 变换的结果。',
    params: {
      a: { label: '先验 a（虚拟正面数）' },
      b: { label: '先验 b（虚拟反面数）' },
      heads: { label: '观测到的正面数' },
      tails: { label: '观测到的反面数' },
    },
  },
  rate: {
    name: '速率（Gamma–Poisson）',
    description: '在 n 个时段里计数事件之后的事件速率 λ：q 定义在 log λ 上，也在 λ 上显示。',
    caveat:
      '变分推断在 u = log λ 上进行，并把 log|dλ/du| = u 加到 log p̃ 上。精确后验为 Gamma(α₀ + S, β₀ + n)，均值为 (α₀ + S)/(β₀ + n)：并不是 e 的（u 的均值）次方。log Z 是边际似然，差一个常数 −Σ log yᵢ!，这个常数取决于每个计数，而不只是它们的总和。',
    params: {
      shape: { label: '先验形状参数 α₀' },
      rate: { label: '先验速率参数 β₀' },
      count: { label: '观测时段数 n' },
      total: { label: '事件总数 S' },
    },
  },
  'eight-schools': {
    name: '八所学校',
    description: 'SAT 辅导的效果在各校之间差异有多大？散布 τ 可以缩到零，这使后验弯成漏斗形。',
    caveat: '各校的效应 θⱼ 已被积分掉（yⱼ ~ N(μ, σⱼ² + τ²)），所以后验是二维的；变分推断在 (μ, log τ) 上进行，并把 log|dτ/d log τ| = log τ 加到 log p̃ 上。',
    source:
      'Rubin (1981), “Estimation in parallel randomized experiments”, J. Educational Statistics 6(4)：八所学校的 SAT 辅导效果，分析见 Gelman 等，Bayesian Data Analysis，§5.5。',
  },
  challenger: {
    name: '挑战者号 O 形环',
    description: '发射时气温越低，O 形环受损的几率越高：一个带截距和斜率的逻辑斯谛回归。',
    caveat: '温度经过标准化，z = (t − 69.57 °F)/7.06 °F，所以 β₀ 是平均气温下受损的对数几率，β₁ 是气温每变化一个标准差时对数几率的变化。',
    source:
      'Dalal, Fowlkes & Hoadley (1989), “Risk analysis of the space shuttle: pre-Challenger prediction of failure”, J. American Statistical Association 84(408)：挑战者号（1986 年 1 月）之前的 23 次航天飞机发射。',
    params: { priorSd: { label: 'β₀、β₁ 的先验标准差 s', help: 's 小，截距和斜率被拉向 0；s 大，让 23 次发射的数据说话。' } },
  },
  'mixture-means': {
    name: '混合均值（EM 与 VI）',
    description: '给定六个数据点，一维高斯混合的两个未知均值：交换标签得到同样的拟合，所以后验有两个互为镜像的峰。',
    caveat: 'θ₁ 即 μ₁，θ₂ 即 μ₂。各分量的权重（各为 ½）和方差（1）已知；只推断均值。',
    params: dataPoints,
  },
};

export const zhCatalogue: CatalogueTable = {
  targets,
  formula: {
    name: '你的公式',
    description: (formula) => `log p̃ = ${formula}，即你输入的公式；Z 由绘图范围上的数值积分求得。`,
    caveat: 'log Z、KL 和各阶矩只在绘图范围内计算：如果 p 在范围之外还有质量，请放宽定义域。',
  },
  families: {
    'mean-field': {
      name: '平均场高斯',
      description: '各坐标相互独立：一个与坐标轴对齐的椭圆。它无法表示相关性。',
    },
    'full-rank': {
      name: '满秩高斯',
      description: '协方差任意的高斯：一个可以倾斜的椭圆。目标分布是高斯时它是精确的。',
    },
    mixture: {
      name: '高斯混合',
      description:
        'K 个与坐标轴对齐（对角协方差）的高斯，权重可学习：几个峰可以覆盖几个众数，合在一起还能绕着弯曲的目标弯折。密度由 logsumexp 求得；熵没有闭式解。',
      options: { K: { label: '分量数 K', help: '高斯峰的个数。每多一个，就要对样本多算一遍。' } },
    },
    'student-t': {
      name: '学生 t（满秩）',
      description:
        '像满秩高斯一样可以倾斜的椭圆，但带有由 ν 控制的重尾：ν 小，远处的质量更多（ν = 1 即柯西分布）；ν 大，接近高斯。ν ≤ 2 时方差为无穷大，协方差读数改为显示尺度矩阵 LLᵀ（ν = 1 时均值读数为中心）。',
      options: { nu: { label: '自由度 ν', help: '尾部的厚度，一次运行中保持不变：1 即柯西分布，30 几乎就是高斯。' } },
    },
    laplace: {
      name: '拉普拉斯（平均场）',
      description: '各坐标相互独立，每个都是尖峰、指数尾的拉普拉斯分布：一个与坐标轴对齐的菱形。它的尾部比高斯重，且无法表示相关性。',
    },
    'planar-flow': {
      name: '平面流',
      description:
        '经一叠平面层弯折的高斯，每层沿一个方向做平滑的剪切：它能弯曲并分开质量。log q 只在它自己的样本处已知（没有逆变换），所以 KL(q‖p) 由 log Z − ELBO 得到。',
      options: { layers: { label: '层数', help: '每层沿一个超平面弯折 q；层数越多，越灵活，也越慢。' } },
    },
    'radial-flow': {
      name: '径向流',
      description: '经一叠径向层重塑的高斯，每层把质量拉向（或推离）一个学到的中心。log q 只在它自己的样本处已知，所以 KL(q‖p) 由 log Z − ELBO 得到。',
      options: { layers: { label: '层数', help: '每层围绕一个中心收缩或扩张 q；层数越多，越灵活，也越慢。' } },
    },
    realnvp: {
      name: 'RealNVP',
      description:
        '经可逆仿射耦合层变换的高斯：每层用一个以另一坐标为输入的小神经网络，对一个坐标做平移和缩放。它很灵活，精确的逆变换使任意点的 log q 都可求。',
      options: { couplings: { label: '耦合层数', help: '每个耦合层在给定一半坐标的条件下变换另一半；两半交替。' } },
      unsupportedDim: 'RealNVP 要在坐标之间耦合，所以至少需要 2 维',
    },
    'point-mass': {
      name: '点质量（MAP）',
      description: '单独一个点，沿 log p̃ 上坡移动到众数（最大后验）。它没有密度，所以既没有 ELBO 也没有 KL；它对不确定性一无所知。',
    },
    'laplace-approx': {
      name: '拉普拉斯近似',
      description:
        '先找到众数（MAP），再按那里的曲率拟合一个高斯：协方差 = −log p̃ 的 Hessian 的逆。对高斯目标分布是精确的；对远离众数的一切视而不见。Hessian 不正定时，把它的特征值抬到一个小的下限，使 q 仍是一个正常的（宽的）高斯。',
    },
    svgd: {
      name: 'SVGD 粒子',
      description: '一团粒子，沿 log p̃ 被拉向上坡，又被核函数相互推开，于是合起来铺满目标分布。没有密度（无法按公式给出 ELBO 或 KL）；这团粒子本身就是近似。',
      options: { particles: { label: '粒子数', help: '粒子越多，对 p 的表示越好；每一步要计算 n² 次核函数。' } },
    },
  },
  objectives: {
    'reverse-kl': {
      name: '反向 KL（ELBO）',
      description: '最大化 ELBO：它与 log Z 的差距恰为 KL(q‖p)。倾向于锁定单个众数。',
    },
    'forward-kl': {
      name: '正向 KL',
      description:
        '最小化 KL(p‖q)，在绘图网格上精确计算（不采样，所以梯度是精确的，梯度估计器不起作用）：q 会铺开以覆盖整个 p。它不是任何量的界，所以读数显示 ELBO。',
      unsupported: (family) => `正向 KL 需要每个网格点上的 log q，而${family}只在它自己的样本处知道 log q`,
    },
    iwae: {
      name: 'IWAE-K',
      description: '最大化重要性加权界：K 个权重 p̃/q 的平均值取对数；K 越大，它比 ELBO 越紧，K → ∞ 时等于 log Z。',
      options: { K: { label: '重要性样本数 K', help: 'K = 1 即 ELBO；K 越大，log Z 的界越紧（Burda 等，2016）。' } },
    },
    renyi: {
      name: 'Rényi-α',
      description: '最大化 α 阶 Rényi 界：α → 1 即 ELBO（倾向于锁定众数）；α 越小，越看重 p̃/q 大的样本，使 q 覆盖更多的 p。',
      options: {
        alpha: { label: 'Rényi 阶数 α', help: 'α → 1 即 ELBO（倾向于锁定众数）；α = 0 即 K 等于每步样本数的 IWAE（更倾向于覆盖质量）。' },
      },
    },
    cubo: {
      name: 'χ² 上界（CUBO₂）',
      description: '最小化 log Z 的一个上界 ½ log E[(p̃/q)²]：q 漏掉 p 的任何部分都会受罚，所以 q 变宽并覆盖质量。',
    },
  },
  estimators: {
    reparam: { name: '重参数化', description: '经 θ = T_φ(ε) 的路径梯度：方差低，需要可微的采样器。' },
    score: {
      name: '得分函数（REINFORCE）',
      description: 'Σ (f(θ) − b) ∇log q(θ)，b 为滑动平均基线：不需要重参数化，但噪声大。',
    },
    'score-plain': {
      name: '得分函数，无基线',
      description: 'Σ f(θ) ∇log q(θ)，即朴素的 REINFORCE 估计器：无偏，但它的噪声永不消失，即使在 q = p 时也一样（那时 f = log Z ≠ 0）。',
    },
    stl: {
      name: '稳定着陆（STL）',
      description: '重参数化，但 log q 在停止梯度的参数处求值：q = p 时方差为零（Roeder 等，2017）。',
    },
  },
  run: {
    lr: { label: '学习率', help: 'Adam 的步长。取值过大会使 q 在最优点附近抖动。' },
    samples: { label: '每步样本数', help: '每个梯度步中 ε 的蒙特卡洛样本数：样本越多，梯度噪声越小。' },
    speed: { label: '速度（步/秒）', help: '播放时每秒最多走的步数。拖到最右端，引擎能跑多快就跑多快。' },
  },
};
