import { describe, expect, it } from 'vitest';
import type { Fallback, FlatMessage, FlatNote } from '../core/flatNotes';
import type { Problem } from '../core/rules';
import { parseHash } from '../state/url';
import type { NoticeMessage } from '../words/notices';
import { wordProblem } from '../words/problems';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { zhWordProblem } from './i18n/zh/notices';
import { noticeText } from './noticeText';

const HAN = /[\u4e00-\u9fff]/;

/**
 * One example of every code, by code: a code added to a union without an example here fails
 * `tsc`, and the tests below then fail when it has no Chinese words.
 */
const PROBLEMS: { [C in Problem['code']]: Extract<Problem, { code: C }> } = {
  'samples-below-k': { code: 'samples-below-k', samples: 5, K: 10, objective: 'IWAE-K' },
  'family-dim': { code: 'family-dim', family: 'RealNVP', target: 'Bimodal', reason: 'needs 2D', ids: { family: 'realnvp', target: 'bimodal-1d' } },
  'objective-family': { code: 'objective-family', objective: 'Forward KL', family: 'Planar flow', reason: 'no log q', ids: { family: 'planar-flow', objective: 'forward-kl' } },
  'estimator-objective': { code: 'estimator-objective', objective: 'IWAE-K', estimator: 'score', estimators: ['reparam'], ids: { objective: 'iwae' } },
  'estimator-density': { code: 'estimator-density', estimator: 'score', family: 'SVGD', ids: { family: 'svgd' } },
  'run-count': { code: 'run-count', got: 5, max: 4 },
  'list-length': { code: 'list-length', key: 'lr', got: 2, runs: 3 },
  text: { code: 'text', text: 'x' },
};
const MESSAGES: { [C in FlatMessage['code']]: Extract<FlatMessage, { code: C }> } = {
  rule: { code: 'rule', problem: PROBLEMS['run-count'] },
  number: { code: 'number', key: 'lr', got: '5', why: { code: 'too-large', max: 0.5 } },
  choice: { code: 'choice', key: 'family', got: 'x', valid: ['mean-field', 'full-rank'] },
  formula: { code: 'formula', formula: 'x^', reason: 'unexpected end' },
  text: { code: 'text', text: 'domain x: bad' },
  'unknown-settings': { code: 'unknown-settings', names: ['a', 'b'], count: 2, valid: ['lr'] },
  'bad-encoding': { code: 'bad-encoding', first: '%E0', count: 1 },
  autoplay: { code: 'autoplay', got: 'x' },
  'view-choice': { code: 'view-choice', key: 'lang', got: 'fr', valid: ['en', 'zh'] },
  lesson: { code: 'lesson', got: 'x', valid: ['kl-direction'] },
  hide: { code: 'hide', unknown: ['x'], valid: ['chart'] },
  origin: { code: 'origin', got: 'x' },
};
const FALLBACKS: { [C in Fallback['code']]: Extract<Fallback, { code: C }> } = {
  using: { code: 'using', value: '0.05' },
  'default-target': { code: 'default-target', name: 'Banana' },
  'first-runs': { code: 'first-runs', max: 4 },
  'default-every-run': { code: 'default-every-run' },
  'same-every-run': { code: 'same-every-run', value: '0.1' },
  'objective-reparam': { code: 'objective-reparam', objective: 'Reverse KL' },
  ignored: { code: 'ignored', count: 2 },
  'no-autoplay': { code: 'no-autoplay' },
  'system-theme': { code: 'system-theme' },
  'browser-lang': { code: 'browser-lang' },
  'no-lesson': { code: 'no-lesson' },
  shown: { code: 'shown', count: 1 },
  'no-host': { code: 'no-host' },
};
const note: FlatNote = { message: MESSAGES.number, fallback: FALLBACKS.using };
const NOTICES: { [C in NoticeMessage['code']]: Extract<NoticeMessage, { code: C }> } = {
  link: { code: 'link', note },
  adjusted: { code: 'adjusted', note: { run: 1, message: MESSAGES.rule, fallback: FALLBACKS['first-runs'] } },
  refused: { code: 'refused', problems: [{ path: 'runs.0.samples', problem: PROBLEMS['samples-below-k'] }] },
  restarted: { code: 'restarted', reason: { code: 'silent', seconds: 9 }, step: 1200 },
  'gave-up': { code: 'gave-up', reason: { code: 'threw', text: 'boom' }, faults: 3 },
  'webgl-lost': { code: 'webgl-lost', step: 1200 },
  'engine-text': { code: 'engine-text', text: 'boom' },
};

const both = (m: NoticeMessage) => ({ en: noticeText(m, en, 'en'), zh: noticeText(m, zh, 'zh') });

describe('notices, worded in the language on screen', () => {
  it('words every notice code in both languages, the Chinese in Chinese', () => {
    for (const m of Object.values(NOTICES)) {
      const { en: e, zh: z } = both(m);
      expect(e, m.code).not.toMatch(HAN);
      expect(z, m.code).toMatch(HAN);
    }
  });
  it('words every link message and every fallback in Chinese (a code without zh words fails here)', () => {
    for (const message of Object.values(MESSAGES)) {
      for (const fallback of [FALLBACKS.using, null]) {
        const m: NoticeMessage = { code: 'link', note: { message, fallback } };
        const { en: e, zh: z } = both(m);
        expect(e.startsWith('Link: '), message.code).toBe(true);
        // Beyond the frame, a message's own words are Chinese unless they are free text.
        if (message.code !== 'text') expect(z.replace(/^链接：/, ''), message.code).toMatch(HAN);
      }
    }
    for (const fallback of Object.values(FALLBACKS)) {
      const z = noticeText({ code: 'link', note: { message: MESSAGES.autoplay, fallback } }, zh, 'zh');
      const e = noticeText({ code: 'link', note: { message: MESSAGES.autoplay, fallback } }, en, 'en');
      expect(z.split('；').at(-1), fallback.code).toMatch(HAN);
      expect(e).not.toBe(noticeText({ code: 'link', note: { message: MESSAGES.autoplay, fallback: null } }, en, 'en'));
    }
  });
  it('words every rules problem in Chinese; free text stays as it is', () => {
    for (const p of Object.values(PROBLEMS)) {
      if (p.code === 'text') expect(zhWordProblem(p)).toBe(wordProblem(p));
      else expect(zhWordProblem(p), p.code).toMatch(HAN);
    }
  });
  it('says in English what the link reader says to the CLI and the embed API (one English table)', () => {
    const links = ['#lr=5', '#family=x&seed=-1', '#autoplay=maybe&theme=pink&lang=fr', '#hide=a,b&origin=nope&lesson=x', '#%E0&bogus=1', '#target=formula&formula=x%5E', '#family=a,b,c,d,e', '#lr=0.1,0.2&family=mean-field,full-rank,mixture'];
    for (const hash of links) {
      const parsed = parseHash(hash);
      expect(parsed.notes.length, hash).toBe(parsed.problems.length);
      expect(parsed.notes.map((n) => noticeText({ code: 'link', note: n }, en, 'en')), hash).toEqual(parsed.problems.map((p) => `Link: ${p}`));
    }
  });
  it('words a malformed link in Chinese, with its numbers', () => {
    const [n] = parseHash('#lr=5').notes;
    expect(noticeText({ code: 'link', note: n }, zh, 'zh')).toBe('链接：lr 必须 ≤ 0.5（收到 "5"）；因此改用 0.05。');
    expect(noticeText({ code: 'link', note: n }, en, 'en')).toBe('Link: lr must be ≤ 0.5 (got "5"); using 0.05.');
  });
  it('frames the engine’s own words rather than translating them', () => {
    expect(both(NOTICES['engine-text']).zh).toBe('引擎出错：boom');
    expect(both(NOTICES.restarted).zh).toContain('1,200');
  });
});
