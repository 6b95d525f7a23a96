import { describe, expect, it } from 'vitest';
import { langOf, openingLang } from '../../words/lang';
import { formatCount, formatValue } from '../format';
import { EN_SECTIONS, en } from './en';
import { ZH_SECTIONS, zh } from './zh';

const HAN = /[\u4e00-\u9fff]/;
const sample = (v: unknown) => (typeof v === 'function' ? (v as (...a: unknown[]) => string)('1', '2', '3', '4') : String(v));

describe('the page’s words', () => {
  it('has every key in every language, section by section (a zh section is typed by its en one; this catches an extra key too)', () => {
    expect(Object.keys(ZH_SECTIONS).sort()).toEqual(Object.keys(EN_SECTIONS).sort());
    for (const [name, section] of Object.entries(EN_SECTIONS)) {
      expect(Object.keys(ZH_SECTIONS[name as keyof typeof ZH_SECTIONS]).sort(), name).toEqual(Object.keys(section).sort());
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('no two sections share a key (a spread would silently keep one)', () => {
    const seen = new Map<string, string>();
    for (const [name, section] of Object.entries(EN_SECTIONS)) {
      for (const key of Object.keys(section)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
  it('says something in each language, and the Chinese is Chinese', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
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
  it('reads the opening language from the link before the store exists, as the link reader does', () => {
    expect(openingLang('#target=banana&lang=zh', 'en-US')).toBe('zh');
    expect(openingLang('#lang=en', 'zh-CN')).toBe('en');
    expect(openingLang('#lang=fr', 'zh-CN')).toBe('zh');
    expect(openingLang('', 'en-US')).toBe('en');
  });
  it('writes numbers as both locales do: one formatter serves English and 简体中文 (Intl agrees)', () => {
    const counts = [0, 7, 1234, 98765, 1234567];
    for (const n of counts) {
      expect(new Intl.NumberFormat('zh-Hans').format(n)).toBe(new Intl.NumberFormat('en').format(n));
      expect(formatCount(n)).toBe(new Intl.NumberFormat('en').format(n));
    }
    const values = [0.5312, -2.25, 7.125];
    for (const v of values) {
      const intl = (tag: string) => new Intl.NumberFormat(tag, { maximumSignificantDigits: 4 }).format(v).replace('-', '−');
      expect(intl('zh-Hans')).toBe(intl('en'));
      expect(formatValue(v)).toBe(intl('en'));
    }
  });
});
