import type { EdgeFix, NonFiniteWhy, TokenQuote } from '../../../core/formula/problems';
import { percent } from '../../../core/formula/problems';
import type { FormulaWords } from '../formulaWords';

/** 简体中文 for the formula box's messages: the codes of core/formula/problems.ts, in the zh chunk only. */

const col = (pos: number) => `第 ${pos + 1} 列`;
const OPERAND = '此处应为数字、变量、“(” 或函数';

const quote = (t: TokenQuote): string => {
  switch (t.kind) {
    case 'number':
      return `数字 ${t.text}`;
    case 'end':
      return '公式末尾';
    default:
      return `“${t.text}”`;
  }
};

const WHY: Readonly<Record<NonFiniteWhy, string>> = {
  'zero-over-zero': '0/0？',
  'division-by-zero': '除以零？',
  'negative-fractional-power': '负数的分数次幂？',
  'infinity-minus-infinity': '∞ − ∞？',
  'zero-times-infinity': '0 · ∞？',
  'power-overflow': '幂运算溢出？',
  'log-negative': '对负数取 log？',
  'log-zero': '对 0 取 log？',
  'log1p-below-minus-1': '对小于 −1 的数取 log1p？',
  'log1p-minus-1': 'log1p(−1) = log 0？',
  'sqrt-negative': '对负数开平方？',
  'exp-overflow': 'exp 溢出？',
  'sd-not-positive': '标准差 ≤ 0？',
};

const example = (at: string, why: NonFiniteWhy | null) => `例如在 ${at} 处${why ? `：${WHY[why]}` : ''}`;

const edgeFix = (fix: EdgeFix): string => {
  switch (fix.kind) {
    case 'sign':
      return `请放宽定义域，或检查符号——你是不是想写 ${fix.negated}？`;
    case 'peak-on-edge':
      return 'p̃ 在边缘处最大，所以请放宽定义域，或让 p̃ 朝边缘递减';
    case 'widen':
      return '请放宽定义域，让 p 的尾部落在范围之内';
  }
};

export const zhFormula: FormulaWords = {
  problem(p) {
    switch (p.code) {
      case 'too-long':
        return `公式太长（${p.length} 个字符；最多 ${p.max} 个）`;
      case 'malformed-number':
        return `${col(p.pos)}：数字 “${p.text}” 格式不对：${p.exponent ? '“e” 之后应为数字' : '此处应为数字'}`;
      case 'two-dots':
        return `${col(p.pos)}：一个数字最多只能有一个 “.”`;
      case 'number-too-large':
        return `${col(p.pos)}：数字 “${p.text}” 太大`;
      case 'unexpected-character':
        return `${col(p.pos)}：意外的字符 “${p.ch}”${p.grouping ? `：分组请用 “${p.grouping}”` : ''}`;
      case 'too-big':
        return `${col(p.pos)}：公式太大（数字、名称和运算超过 ${p.max} 个）；请化简，好让每一步都保持快速`;
      case 'empty':
        return '公式是空的：请输入一个对数密度，例如 -(x^2 + y^2)/2';
      case 'unmatched-close':
        return `${col(p.pos)}：多余的 “)”：没有与之配对的 “(”`;
      case 'comma-outside-call':
        return `${col(p.pos)}：函数调用之外出现了意外的 “,”`;
      case 'too-deep':
        return `${col(p.pos)}：公式嵌套太深`;
      case 'missing-operator':
        return `${col(p.pos)}：${quote(p.got)} 之前应有运算符（+ - * / ^）；乘法请写 *`;
      case 'unexpected-end':
        return `公式意外结束：${OPERAND}`;
      case 'expected-operand':
        return `${col(p.pos)}：${OPERAND}，实际是${quote(p.got)}`;
      case 'unclosed':
        return `${col(p.pos)}：缺少 “)” 来闭合${col(p.open)}的 “(”${p.got ? `，实际是${quote(p.got)}` : ''}`;
      case 'function-needs-call':
        return `${col(p.pos)}：“${p.name}” 是函数：请写成 ${p.name}(…)`;
      case 'unknown-function':
        return `${col(p.pos)}：未知函数 “${p.name}”${p.guess ? `——你是不是想写 ${p.guess}？` : `；可用的函数：${p.known.join(', ')}`}`;
      case 'unknown-variable':
        return `${col(p.pos)}：未知变量 “${p.name}”${p.guess ? `——你是不是想写 ${p.guess}？` : '：请使用 x（二维时还有 y）'}`;
      case 'arity':
        return `${col(p.pos)}：“${p.fn}” ${p.want === 'at-least-1' ? '至少需要 1 个参数' : `需要 ${p.want} 个参数`}，实际有 ${p.got} 个`;
      case 'y-in-1d':
        return `${col(p.pos)}：“y” 需要二维目标分布；这个是一维的（只能用 x）`;
    }
  },
  issue(i) {
    switch (i.code) {
      case 'nan-region':
        return `log p̃ 在定义域的 ${percent(i.share)} 上无定义（NaN），${example(i.at, i.why)}`;
      case 'zero-region':
        return `log p̃ 在定义域的 ${percent(i.share)} 上为 −∞（p̃ = 0），${example(i.at, i.why)}`;
      case 'infinite':
        return `log p̃ 在 ${i.points} 个网格点上为 +∞，${example(i.at, i.why)}——p̃ 必须有限才能归一化`;
      case 'overflow':
        return `log p̃ 在 ${i.points} 个网格点上超过 3.4e38，例如在 ${i.at} 处：引擎以 float32 计算，在那里它就是 +∞`;
      case 'zero-everywhere':
        return 'p̃ 在整个定义域上为零或无定义：没有可拟合的东西';
      case 'edge-mass':
        return `${i.mass > 0.5 ? '大部分质量' : `p 的质量中有 ${percent(i.mass)}`}落在定义域的边缘：${edgeFix(i.fix)}`;
    }
  },
  domain(p) {
    switch (p.code) {
      case 'empty':
        return `定义域是空的：应为 ${p.dim === 1 ? '“xmin,xmax”' : '“xmin,xmax,ymin,ymax”'}，例如 ${p.dim === 1 ? '-6,6' : '-6,6,-6,6'}`;
      case 'count':
        return p.dim === 1
          ? `定义域：一维公式需要 2 个数 “xmin,xmax”，实际有 ${p.got} 个`
          : `定义域：二维公式需要 4 个数 “xmin,xmax,ymin,ymax”（正方形可只给 2 个），实际有 ${p.got} 个`;
      case 'missing':
        return `定义域：缺少 ${p.label}`;
      case 'bad-number':
        return `定义域：${p.label} 必须是 ±${p.max} 以内的普通十进制数`;
      case 'order':
        return `定义域：${p.axis}min（${p.lo}）必须小于 ${p.axis}max（${p.hi}）`;
      case 'outside':
        return `定义域：${p.axis} 的范围必须在 ±${p.max} 以内（实际为 ${p.lo}, ${p.hi}）`;
      case 'narrow':
        return `定义域：${p.axis} 的范围（${p.lo}, ${p.hi}）对 float32 来说太窄：宽度至少应为 ${p.need}`;
      case 'not-finite':
        return `定义域：${p.axis} 的范围必须是有限的`;
      case 'needs-y':
        return '定义域：这个公式用到了 y，所以还需要 y 的范围：“xmin,xmax,ymin,ymax”';
    }
  },
};
