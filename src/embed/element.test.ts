import { describe, expect, it } from 'vitest';
import { EMBED_API_VERSION as API_VERSION, EMBED_SOURCE as API_SOURCE, EMBED_TARGET as API_TARGET } from '../state/embed/embedApi';
import {
  autoplayOn,
  clampedHeight,
  cssWidth,
  EMBED_API_VERSION,
  EMBED_SOURCE,
  EMBED_TARGET,
  embedFrameSrc,
  isPlaygroundEvent,
  normalisedHideList,
  usableOrigin,
} from './element';

const SCRIPT = 'https://course.example/vi/embed.js';
const none = { config: null, hide: null, autoplay: false, hostOrigin: null };

describe('the element keeps its own copy of the API constants', () => {
  it('equal to the contract (embed.js ships without imports)', () => {
    expect(EMBED_SOURCE).toBe(API_SOURCE);
    expect(EMBED_TARGET).toBe(API_TARGET);
    expect(EMBED_API_VERSION).toBe(API_VERSION);
  });
});

describe('embedFrameSrc', () => {
  it('puts embed.html beside the script, whatever its query or hash', () => {
    expect(embedFrameSrc(SCRIPT, none)).toBe('https://course.example/vi/embed.html');
    expect(embedFrameSrc('https://course.example/vi/embed.js?v=3#x', none)).toBe('https://course.example/vi/embed.html');
    expect(embedFrameSrc('https://cdn.example/embed.js', none)).toBe('https://cdn.example/embed.html');
  });

  it('takes the config with or without its leading #', () => {
    const config = 'target=banana&family=mean-field,full-rank';
    expect(embedFrameSrc(SCRIPT, { ...none, config })).toBe(`https://course.example/vi/embed.html#${config}`);
    expect(embedFrameSrc(SCRIPT, { ...none, config: `#${config}` })).toBe(`https://course.example/vi/embed.html#${config}`);
    expect(embedFrameSrc(SCRIPT, { ...none, config: '  #  ' })).toBe('https://course.example/vi/embed.html');
  });

  it('appends hide, origin and autoplay in that order', () => {
    const src = embedFrameSrc(SCRIPT, {
      config: '#target=correlated-gaussian&target.rho=0.9',
      hide: 'family, objective,,engine ',
      autoplay: true,
      hostOrigin: 'https://course.example',
    });
    expect(src).toBe(
      'https://course.example/vi/embed.html#target=correlated-gaussian&target.rho=0.9&hide=family,objective,engine&origin=https://course.example&autoplay=1',
    );
  });

  it('lets the attributes and the page origin override the same keys in config', () => {
    const src = embedFrameSrc(SCRIPT, {
      config: 'hide=chart&origin=https://evil.example&autoplay=0&target=donut',
      hide: 'metrics',
      autoplay: true,
      hostOrigin: 'http://localhost:4173',
    });
    expect(src).toBe('https://course.example/vi/embed.html#target=donut&hide=metrics&origin=http://localhost:4173&autoplay=1');
  });

  it('keeps config keys no attribute overrides', () => {
    const src = embedFrameSrc(SCRIPT, { ...none, config: 'target=donut&hide=chart&autoplay=1' });
    expect(src).toBe('https://course.example/vi/embed.html#target=donut&hide=chart&autoplay=1');
  });

  it('sends no origin for an opaque (file://) page, and %-encodes odd hide parts', () => {
    expect(embedFrameSrc(SCRIPT, { ...none, hostOrigin: 'null', hide: 'chart&origin=x' })).toBe(
      'https://course.example/vi/embed.html#hide=chart%26origin%3Dx',
    );
  });
});

describe('attribute readers', () => {
  it('normalisedHideList', () => {
    expect(normalisedHideList(null)).toBe('');
    expect(normalisedHideList(' , ')).toBe('');
    expect(normalisedHideList('transport,chart')).toBe('transport,chart');
  });

  it('usableOrigin', () => {
    expect(usableOrigin('https://a.example:8443')).toBe('https://a.example:8443');
    expect(usableOrigin('null')).toBeNull();
    expect(usableOrigin(null)).toBeNull();
    expect(usableOrigin('https://a.example/path')).toBeNull();
    expect(usableOrigin('https://a.example&x=1')).toBeNull();
  });

  it('autoplayOn', () => {
    expect(autoplayOn(null)).toBe(false);
    expect(autoplayOn('')).toBe(true);
    expect(autoplayOn('1')).toBe(true);
    expect(autoplayOn('0')).toBe(false);
    expect(autoplayOn('false')).toBe(false);
  });

  it('clampedHeight', () => {
    expect(clampedHeight(640)).toBe(640);
    expect(clampedHeight('480')).toBe(480);
    expect(clampedHeight(10)).toBe(200);
    expect(clampedHeight(1e6)).toBe(4000);
    expect(clampedHeight(333.6)).toBe(334);
    expect(clampedHeight(Number.NaN)).toBeNull();
    expect(clampedHeight('tall')).toBeNull();
    expect(clampedHeight('')).toBeNull();
    expect(clampedHeight(null)).toBeNull();
  });

  it('cssWidth', () => {
    expect(cssWidth(null)).toBeNull();
    expect(cssWidth('640')).toBe('640px');
    expect(cssWidth('80%')).toBe('80%');
    expect(cssWidth('40rem')).toBe('40rem');
    expect(cssWidth('calc(1px)')).toBeNull();
  });
});

describe('isPlaygroundEvent', () => {
  it('accepts our events and nothing else', () => {
    expect(isPlaygroundEvent({ source: 'vi-playground', version: 1, type: 'resize', height: 600 })).toBe(true);
    expect(isPlaygroundEvent({ source: 'vi-playground', version: 2, type: 'resize' })).toBe(false);
    expect(isPlaygroundEvent({ source: 'other', version: 1, type: 'resize' })).toBe(false);
    expect(isPlaygroundEvent({ source: 'vi-playground', version: 1, type: 'a b' })).toBe(false);
    expect(isPlaygroundEvent({ source: 'vi-playground', version: 1 })).toBe(false);
    expect(isPlaygroundEvent('vi-playground')).toBe(false);
    expect(isPlaygroundEvent(null)).toBe(false);
  });
});
