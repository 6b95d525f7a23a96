import type { Problem } from '../../../core/rules';
import { wordProblemIn } from '../../../words/problems';
import type { enNotices } from '../en/notices';
import type { WordsOf } from '../wordsOf';

/**
 * 简体中文 for the notices' texts: the link reader's notes, the rules' problems, the engine's
 * messages: the same keys as en/notices.ts. Names typed by people, ids (mean-field, reparam) and
 * the formula checker's reasons are quoted as they are.
 */
export const zhNotices: WordsOf<typeof enNotices> = {
  noteRun: (run, message) => `运行 ${run}：${message}`,
  noteOr: (a, b) => `${a} 或 ${b}`,
  noteWithFallback: (message, fallback) => `${message}；因此${fallback}。`,
  noteNotNumber: (key, got) => `${key} 必须是普通的十进制数（收到 "${got}"）`,
  noteUnderflow: (key, got) => `${key} 太接近 0，无法表示；如果指的是 0，请写 0（收到 "${got}"）`,
  noteTooSmall: (key, min, got) => `${key} 必须 ≥ ${min}（收到 "${got}"）`,
  noteTooLarge: (key, max, got) => `${key} 必须 ≤ ${max}（收到 "${got}"）`,
  noteNotInteger: (key, got) => `${key} 必须是整数（收到 "${got}"）`,
  noteChoiceEmpty: (key, valid) => `${key} 为空；可选值：${valid}`,
  noteChoiceUnknown: (key, got, valid) => `未知的 ${key} "${got}"；可选值：${valid}`,
  noteFormulaUnusable: (formula, reason) => `公式 "${formula}" 无法使用：${reason}`,
  noteUnknownSetting: (name) => `已忽略未知设置 "${name}"。`,
  noteUnknownSettingError: (name, valid) => `未知设置 "${name}"；可用的设置：${valid}`,
  noteUnknownSettings: (count, list) => `已忽略 ${count} 个未知设置：${list}。`,
  noteUnknownSettingsError: (count, list, valid) => `${count} 个未知设置：${list}；可用的设置：${valid}`,
  noteBadEncodingOne: (part) => `无法读取链接中的 "${part}"（%-编码有误）`,
  noteBadEncodingMany: (count, part) => `无法读取链接中的 ${count} 个部分（%-编码有误），例如 "${part}"`,
  noteAutoplayBad: (got) => `autoplay 必须是 1 或 0（收到 "${got}"）`,
  noteThemeBad: (valid, got) => `theme 必须是 ${valid} 之一（收到 "${got}"）`,
  noteLangBad: (valid, got) => `lang 必须是 ${valid}（收到 "${got}"）`,
  noteLessonUnknown: (got, valid) => `未知的课程 "${got}"；可选：${valid}`,
  noteHideUnknownOne: (part, valid) => `hide：未知的部分 ${part}（可选：${valid}）`,
  noteHideUnknownMany: (parts, valid) => `hide：未知的部分 ${parts}（可选：${valid}）`,
  noteOriginBad: (got) => `origin 必须是一个页面的源，例如 https://course.example.org（收到 "${got}"）`,
  noteUsingValue: (value) => `改用 ${value}`,
  noteUsingDefaultTarget: (name) => `改用默认目标分布 ${name}`,
  noteUsingFirstRuns: (max) => `只使用前 ${max} 个`,
  noteUsingDefaultEveryRun: '每个运行都使用默认值',
  noteUsingSameEveryRun: (value) => `每个运行都使用 "${value}"`,
  noteUsingObjectiveReparam: (objective) => `改用 ${objective} 和重参数化估计`,
  noteIgnoredIt: '已忽略',
  noteIgnoredThem: '已全部忽略',
  noteNotStartingItself: '不会自动开始',
  noteFollowingSystemTheme: '跟随系统主题',
  noteUsingBrowserLang: '使用浏览器的语言',
  noteShowingNoLesson: '不显示课程',
  noteShowingIt: '仍然显示它',
  noteShowingThem: '仍然显示它们',
  noteTalkingToNoHost: '不与任何宿主页面通信',
  problemSamplesBelowK: (samples, K) => `每步样本数（${samples}）必须至少为 K = ${K}`,
  problemSamplesBelowKFor: (samples, K, objective) => `${objective} 的每步样本数（${samples}）必须至少为 K = ${K}`,
  problemFamilyDim: (family, target, reason) => `${family} 无法拟合 ${target}：${reason}`,
  problemObjectiveFamily: (objective, family, reason) => `${objective} 无法拟合 ${family}：${reason}`,
  problemEstimatorObjective: (objective, estimators, estimator) => `${objective} 只能使用 ${estimators} 估计，不能使用 ${estimator}`,
  problemEstimatorDensity: (estimator, family) => `${estimator} 估计需要任意点处的 log q，而 ${family} 没有`,
  problemRunCount: (max, got) => `一个会话可比较 1 到 ${max} 个运行，收到 ${got} 个`,
  problemListLength: (key, got, runs) => `${key} 有 ${got} 个值，但共有 ${runs} 个运行：请为所有运行给一个值，或每个运行各给一个值`,
  problemAt: (path, text) => `${path} 处：${text}`,
  noticeLink: (text) => `链接：${text}`,
  noticeFaultThrew: (text) => `抛出了错误：${text}`,
  noticeFaultSilent: (seconds) => `${seconds} 秒没有响应`,
  noticeRestarted: (reason) => `引擎意外停止（${reason}）；已重新启动。`,
  noticeRestartedFrom: (reason, step) => `引擎意外停止（${reason}）；已重新启动，并从第 ${step} 步继续。`,
  noticeGaveUp: (faults, reason) => `引擎在一分钟内停止了 ${faults} 次（最近一次：${reason}），因此不再重启。请重新加载页面；你的设置保存在链接中。`,
  noticeWebglLost: (step) => `WebGL 停止工作（GPU 上下文丢失）。引擎已切换到 cpu 后端，并从第 ${step} 步继续；可能会变慢。`,
  noticeEngineText: (text) => `引擎出错：${text}`,
};

/** A rules.ts problem in 简体中文 (the English one is src/words/problems.ts wordProblem). */
export function zhWordProblem(p: Problem): string {
  return wordProblemIn(p, zhNotices);
}
