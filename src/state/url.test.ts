import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { defaultSession, sessionOf } from '../core/session';
import { DEFAULT_VIEW } from './store';
import { formatHash, parseHash } from './url';

describe('parseHash', () => {
  it('reports #__proto__=1 like any unknown setting', () => {
    expect(parseHash('#__proto__=1').problems).toEqual(['ignored unknown setting "__proto__".']);
    expect(parseHash('#constructor=1&toString=2').problems).toEqual(['2 unknown settings ignored: "constructor", "toString".']);
  });

  it('turns 100,000 unknown keys and bad %-encodings into two short notices', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => `k${i}=1&bad${i}=%E0%A4%A`).join('&');
    const { problems, session } = parseHash(`#${junk}&seed=7`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('could not read 100000 parts of the link (bad %-encoding), e.g. "bad0=%E0%A4%A"; ignored them.');
    expect(problems[1]).toMatch(/^100000 unknown settings ignored: "k0", "k1", .*, …\.$/);
    expect(problems.join('').length).toBeLessThan(500);
    expect(session.seed).toBe(7);
  });

  it('an empty formula falls back to the default target, and the notice names it', () => {
    const { session, problems } = parseHash('#target=formula&formula=');
    expect(session.target.id).toBe(defaultConfig().target.id);
    expect(problems).toEqual(['formula "": the formula is empty: type a log density such as -(x^2 + y^2)/2; using the default target, Correlated Gaussian.']);
  });

  it('a "+" in a value is a space, so target.rho=+ is refused, not read as 0', () => {
    expect(parseHash('#target.rho=+').errors).toEqual(['target.rho must be a plain decimal number (got " ")']);
    expect(parseHash('#target.rho=%2B0.5').session.target.params.rho).toBe(0.5);
  });

  it('cuts long echoed values', () => {
    const [message] = parseHash(`#autoplay=${'y'.repeat(1000)}`).problems;
    expect(message).toBe(`autoplay must be 1 or 0 (got "${'y'.repeat(40)}…"); not starting by itself.`);
  });

  it('round-trips the default session', () => {
    const hash = formatHash(defaultSession(), { ...DEFAULT_VIEW, autoplay: true });
    expect(parseHash(hash).problems).toEqual([]);
    expect(parseHash(hash).view).toEqual({ ...DEFAULT_VIEW, autoplay: true });
    expect(formatHash(parseHash(hash).session, { ...DEFAULT_VIEW, autoplay: true })).toBe(hash);
  });
});

describe('links of several runs', () => {
  const banana = (family: string) => defaultConfig('banana', family);
  const four = sessionOf(
    [
      banana('mean-field'),
      { ...banana('full-rank'), objective: { id: 'iwae', options: { K: 8 } }, lr: 0.01 },
      { ...banana('mixture'), family: { id: 'mixture', options: { K: 5 } } },
      { ...banana('planar-flow'), optimizer: 'sgd' },
    ],
    { speed: 500, backend: 'auto' },
  );

  it('a four-run session round-trips through the hash, and the hash through the session', () => {
    const hash = formatHash(four, { ...DEFAULT_VIEW, autoplay: true });
    const parsed = parseHash(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.session).toEqual(four);
    expect(parsed.view).toEqual({ ...DEFAULT_VIEW, autoplay: true });
    expect(formatHash(parsed.session, parsed.view)).toBe(hash);
  });

  it('commas stay readable: one value per run, never %2C', () => {
    const hash = formatHash(four, DEFAULT_VIEW);
    expect(hash).not.toContain('%2C');
    expect(hash).toContain('&family=mean-field,full-rank,mixture,planar-flow&');
    expect(hash).toContain('&objective=reverse-kl,iwae,reverse-kl,reverse-kl&');
    expect(hash).toContain('&optimizer=adam,adam,adam,sgd&lr=0.05,0.01,0.05,0.05&');
    // Keys the runs share are written once; so is an option only one run has (the others ignore it).
    expect(hash).toContain('&estimator=reparam&');
    expect(hash).toContain('&family.K=5&family.layers=8&');
    expect(hash).toContain('&objective.K=8&');
  });

  it('an option the runs that have it disagree on is a positional list, empty where a run lacks it', () => {
    const mixtures = sessionOf([
      { ...banana('mixture'), family: { id: 'mixture', options: { K: 3 } } },
      banana('mean-field'),
      { ...banana('mixture'), family: { id: 'mixture', options: { K: 5 } } },
    ]);
    const hash = formatHash(mixtures, DEFAULT_VIEW);
    expect(hash).toContain('&family=mixture,mean-field,mixture&family.K=3,,5&');
    expect(parseHash(hash).session).toEqual(mixtures);
  });

  it('a hand-written link with %2C reads like one with commas', () => {
    const plain = parseHash('#target=banana&family=mean-field,full-rank&lr=0.1,0.2');
    const encoded = parseHash('#target=banana&family=mean-field%2Cfull-rank&lr=0.1%2C0.2');
    expect(plain.problems).toEqual([]);
    expect(encoded.session).toEqual(plain.session);
    expect(plain.session.runs.map((r) => [r.family.id, r.lr])).toEqual([
      ['mean-field', 0.1],
      ['full-rank', 0.2],
    ]);
  });

  it('a formula’s own commas are not run lists', () => {
    const session = sessionOf([{ ...defaultConfig(), target: { id: 'formula', params: {}, formula: 'logsumexp(-x^2, -(x-1)^2)', domain: { x: [-4, 4] as const } } }]);
    const hash = formatHash(session, DEFAULT_VIEW);
    expect(hash).toContain('domain=-4,4');
    expect(parseHash(hash).session).toEqual(session);
  });

  it('the example links of docs/link-format.md and README.md read without a problem', () => {
    const lines = (file: string) => readFileSync(file, 'utf8').split('\n');
    const docs = lines('docs/link-format.md').filter((line) => line.startsWith('#target='));
    const readme = lines('README.md').flatMap((line) => /^`(#target=[^`]*)`$/.exec(line)?.slice(1) ?? []);
    expect([docs.length, readme.length]).toEqual([2, 2]);
    for (const link of [...docs, ...readme]) expect(parseHash(link).problems, link).toEqual([]);
    expect(parseHash(docs[1]).session.runs).toHaveLength(4);
    expect(parseHash(readme[1]).session.runs).toHaveLength(4);
  });

  it('problems of a multi-run link are worded, and name their run', () => {
    const { problems } = parseHash('#target=bimodal-1d&family=mean-field,realnvp');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^run 2: RealNVP cannot fit /);
  });
});


describe('view keys of the embed', () => {
  it('reads hide= in HIDE_PARTS order and names unknown parts', () => {
    const parsed = parseHash('#target=banana&hide=engine,transport,wings');
    expect(parsed.view.hide).toEqual(['transport', 'engine']);
    expect(parsed.problems).toEqual(['hide: unknown part "wings" (valid: header, transport, engine, target, sliders, family, objective, plot, chart, metrics, notices); showing it.']);
  });
  it('reads origin= as an origin, or refuses it and talks to no page', () => {
    expect(parseHash('#origin=https%3A%2F%2Fcourse.example.org').view.origin).toBe('https://course.example.org');
    expect(parseHash('#origin=https://course.example.org/').view.origin).toBe('https://course.example.org');
    for (const bad of ['course.example.org', 'https://course.example.org/notes', 'javascript:alert(1)', '*', 'null']) {
      const parsed = parseHash(`#origin=${encodeURIComponent(bad)}`);
      expect(parsed.view.origin).toBe('');
      expect(parsed.problems[0]).toMatch(/^origin must be a page's origin/);
    }
  });
  it('reads theme=, and names a theme it does not know', () => {
    expect(parseHash('#theme=dark').view.theme).toBe('dark');
    const parsed = parseHash('#theme=sepia');
    expect(parsed.view.theme).toBe('system');
    expect(parsed.problems).toEqual(['theme must be system, light, dark (got "sepia"); following the system\'s theme.']);
  });
  it('writes hide and origin back into the hash', () => {
    const view = { autoplay: true, hide: ['transport', 'chart'] as const, origin: 'https://c.example', theme: 'dark' as const, lang: 'zh' as const, lesson: null };
    const hash = formatHash(defaultSession(), view);
    expect(hash).toContain('hide=transport,chart');
    expect(parseHash(hash).view).toEqual(view);
  });

  it('lesson=ID loads the lesson, with session keys applied over it; a link with a target is the whole session; an unknown id is named', () => {
    const alone = parseHash('#lesson=mean-field-shrinks&autoplay=1');
    expect(alone.problems).toEqual([]);
    expect(alone.view.lesson).toBe('mean-field-shrinks');
    expect(alone.view.autoplay).toBe(true);
    expect(alone.session.target).toEqual({ id: 'correlated-gaussian', params: { rho: 0.9, sd1: 1, sd2: 1 } });
    expect(alone.session.runs.map((r) => r.objective.id)).toEqual(['reverse-kl', 'forward-kl']);
    // The page writes the lesson back first, with the whole session: reading it again is the identity.
    const hash = formatHash(alone.session, alone.view);
    expect(hash.startsWith('#lesson=mean-field-shrinks&target=correlated-gaussian&')).toBe(true);
    expect(parseHash(hash).session).toEqual(alone.session);
    // After a change (here ρ = 0.5) the link keeps the change, not the lesson's setting.
    const changed = parseHash(hash.replace('target.rho=0.9', 'target.rho=0.5'));
    expect(changed.session.target.params.rho).toBe(0.5);
    expect(changed.view.lesson).toBe('mean-field-shrinks');
    // Session keys without a target tweak the lesson's session (an instructor's link).
    const tweaked = parseHash('#lesson=flows&speed=500&seed=3&family.layers=4,8,16');
    expect(tweaked.problems).toEqual([]);
    expect(tweaked.session.target.id).toBe('u1');
    expect(tweaked.session.seed).toBe(3);
    expect(tweaked.session.speed).toBe(500);
    expect(tweaked.session.runs.map((r) => r.family.options.layers)).toEqual([4, 8, 16]);
    expect(tweaked.session.runs.map((r) => r.lr)).toEqual([0.005, 0.005, 0.005]);
    const unknown = parseHash('#lesson=nope&target=banana');
    expect(unknown.view.lesson).toBeNull();
    expect(unknown.session.target.id).toBe('banana');
    expect(unknown.problems[0]).toMatch(/^unknown lesson "nope"; valid: elbo-gap, mean-field-shrinks, .*; showing no lesson\.$/);
  });
});
