import { describe, expect, it } from 'vitest';
import { findFamilyInfo } from '../core/families/registry';
import { findObjectiveInfo } from '../core/objectives/registry';
import { dimensionProblem, incompatibility } from '../core/rules';
import { findTarget } from '../core/targets/registry';
import { catalogueWords, englishCatalogue } from './i18n/catalogue';
import { en } from './i18n/en';
import { zh, zhCatalogue } from './i18n/zh';
import { parseHash } from '../state/url';
import { noticeText } from './noticeText';

const HAN = /[\u4e00-\u9fff]/;
const LATIN_WORDS = /[A-Za-z]{4,}/;

describe('a refusal names its specs in the language on screen', () => {
  const realNvp = findFamilyInfo('realnvp');
  const planar = findFamilyInfo('planar-flow');
  const bimodal = findTarget('bimodal-1d');
  const forward = findObjectiveInfo('forward-kl');
  if (!realNvp || !planar || !bimodal || !forward) throw new Error('the registry lost a spec this test names');
  const dim = dimensionProblem(bimodal, realNvp);
  const objective = incompatibility(planar, forward, 'reparam');
  if (!dim || !objective) throw new Error('the rules stopped refusing these');
  const refused = (p: typeof dim) => ({ code: 'refused', problems: [{ path: 'runs.0.family', problem: p }] }) as const;

  it('in Chinese: names and reasons from the zh catalogue, no English words left', () => {
    const cat = catalogueWords(zhCatalogue);
    for (const p of [dim, objective]) {
      const text = noticeText(refused(p), zh, 'zh', cat);
      expect(text).toMatch(HAN);
      expect(text.replace(/RealNVP|runs\.0\.family|KL/g, ''), text).not.toMatch(LATIN_WORDS);
    }
  });
  it('in English: exactly what the CLI and the embed API say', () => {
    for (const p of [dim, objective]) expect(noticeText(refused(p), en, 'en', englishCatalogue)).toBe(noticeText(refused(p), en, 'en'));
  });
  it('a link that falls back to another family names it in Chinese too', () => {
    const [note] = parseHash('#target=bimodal-1d&family=realnvp').notes;
    if (!note) throw new Error('the link reader stopped refusing RealNVP on a 1D target');
    const text = noticeText({ code: 'link', note }, zh, 'zh', catalogueWords(zhCatalogue));
    expect(text).toContain('满秩高斯');
    expect(text.replace(/RealNVP|KL/g, '')).not.toMatch(LATIN_WORDS);
    expect(noticeText({ code: 'link', note }, en, 'en', englishCatalogue)).toContain('Full-rank Gaussian');
  });
});
