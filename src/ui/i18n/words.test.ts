import { describe, expect, it } from 'vitest';
import { langOf } from '../../words/lang';
import { en } from './en';
import { zh } from './zh';

const HAN = /[\u4e00-\u9fff]/;

describe('the page’s words', () => {
  it('has every key in every language (zh.ts is typed by en.ts; this catches an extra key too)', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('says something in each language, and the Chinese is Chinese', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const sample = (v: unknown) => (typeof v === 'function' ? (v as (...a: unknown[]) => string)('1', '2') : String(v));
      expect(sample(en[key]).trim().length, key).toBeGreaterThan(0);
      expect(sample(zh[key]), key).toMatch(HAN);
    }
  });
  it('reads the browser’s language', () => {
    expect(langOf('zh-CN')).toBe('zh');
    expect(langOf('zh-Hant-TW')).toBe('zh');
    expect(langOf('en-GB')).toBe('en');
    expect(langOf('de')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });
});
