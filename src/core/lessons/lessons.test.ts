// Every lesson is a configuration the link reader accepts, a text within its limits, and claims
// that name real runs; the numbers its text states are its claims (or its own settings). Its prose
// speaks both languages with the same structure, and stays out of the page's first JS: a spec loads
// its prose by dynamic import only (issue 9's budget).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSession, toFlatSession } from '../sessionFlat';
import { findTarget } from '../targets/registry';
import { applyTry, lessonFlat } from './link';
import { claimHolds, gaussianExpectation, readClaim } from './readings';
import { findLesson, lessons, neighbourLesson } from './registry';
import type { LessonClaim, LessonWords } from './types';

const REQUIRED = ['elbo-gap', 'mean-field-shrinks', 'mode-seeking', 'score-vs-reparam', 'funnel-khat', 'flows', 'constrained', 'eight-schools', 'iwae-tighter', 'em-and-vi'];

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '').length;
const claimed = (c: LessonClaim) => ('tolerance' in c ? c.value : 'above' in c ? c.above : c.below);

/** Decimals the prose states (0.830, −7.069, 16/30 is two integers): each must be a claim or a setting of the lesson. */
function decimals(words: LessonWords): number[] {
  // Section and figure numbers (§10.1.2, figure 10.3, 图 10.3) are references, not read-outs.
  const prose = `${words.text} ${words.watch} ${words.question}`.replace(/−/g, '-').replace(/(§|figure |fig\. |图 ?)[\d.]+/g, '');
  return [...prose.matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));
}

describe('lessons', () => {
  it('offers the required lessons, ids unique, each findable', () => {
    expect(lessons.map((l) => l.id)).toEqual(REQUIRED);
    for (const l of lessons) expect(findLesson(l.id)).toBe(l);
    expect(neighbourLesson('elbo-gap', -1)).toBeUndefined();
    expect(neighbourLesson('elbo-gap', 1)?.id).toBe('mean-field-shrinks');
    expect(neighbourLesson('em-and-vi', 1)).toBeUndefined();
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: its link parses with no problems, and so does each try', (_, lesson) => {
    const flat = lessonFlat(lesson);
    const { session, problems } = resolveSession(flat);
    expect(problems).toEqual([]);
    for (const c of lesson.claims) expect(c.run).toBeLessThan(session.runs.length);
    expect(lesson.tries.length).toBeGreaterThanOrEqual(1);
    expect(lesson.tries.length).toBeLessThanOrEqual(2);
    for (const [i, t] of lesson.tries.entries()) {
      // Over the session as the page holds it (the link the page writes back), as tryThis applies it.
      expect(resolveSession(applyTry(toFlatSession(session), t.change)).problems, `try ${i + 1}`).toEqual([]);
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: text within 150 words, watch and question short, every decimal claimed (in both languages)', async (_, lesson) => {
    const prose = await lesson.prose();
    expect(words(prose.en.text)).toBeLessThanOrEqual(150);
    expect(words(prose.en.watch)).toBeLessThanOrEqual(50);
    expect(words(prose.en.question)).toBeLessThanOrEqual(40);
    expect(lesson.claims.length).toBeGreaterThan(0);
    const settings = Object.values(lessonFlat(lesson)).flatMap((v) => v.split(',')).map(Number);
    const tries = lesson.tries.flatMap((t) => Object.values(t.change)).flatMap((v) => v.split(',')).map(Number);
    for (const lang of ['en', 'zh'] as const) {
      for (const d of decimals(prose[lang])) {
        const known = [...lesson.claims.map(claimed), ...settings, ...tries].some((v) => Math.abs(v - d) < 1e-9);
        expect(known, `${lesson.id} (${lang}) states ${d} but claims no such number`).toBe(true);
      }
    }
  });

  it('the closed forms behind the stated numbers', () => {
    const claims = (id: string) => findLesson(id)?.claims ?? [];
    const value = (c: LessonClaim) => ('tolerance' in c ? c.value : Number.NaN);
    const rho = 0.9;
    // PRML §10.1.2: mean-field variances 1/Λᵢᵢ = 1 − ρ²; KL = −½ log(1 − ρ²) both ways.
    const mf = claims('mean-field-shrinks');
    expect(value(mf[0])).toBeCloseTo(1 - rho * rho, 6);
    expect(value(mf[4])).toBeCloseTo(-0.5 * Math.log(1 - rho * rho), 3);
    expect(value(mf[5])).toBeCloseTo(-0.5 * Math.log(1 - rho * rho), 3);
    // Three bumps: log Z = log 3.
    expect(value(claims('elbo-gap')[0])).toBeCloseTo(Math.log(3), 3);
    // Beta(16, 14): mean 16/30; log Z = log B(16, 14) − log B(10, 10).
    const coin = findTarget('coin');
    const constrained = claims('constrained');
    expect(value(constrained[0])).toBeCloseTo(16 / 30, 3);
    const exact = coin?.exact?.({ a: 10, b: 10, heads: 6, tails: 4 });
    expect(value(constrained[1])).toBeCloseTo(exact?.logZ ?? Number.NaN, 3);
    // Forward KL on the bimodal target: q = N(0, 1 + 3²).
    expect(value(claims('mode-seeking')[4])).toBe(10);
  });

  it("em-and-vi states EM's fixed point as the page computes it", () => {
    const lesson = findLesson('em-and-vi');
    if (!lesson) throw new Error('missing');
    const { session } = resolveSession(lessonFlat(lesson));
    for (const c of lesson.claims.filter((c) => c.reading === 'emFixedPoint')) {
      expect(claimHolds(c, readClaim(c, { snapshots: [], targetParams: session.target.params }))).toBe(true);
    }
  });

  it('E_q[σ(u)] for the exact posterior of u is the Beta mean 16/30', () => {
    // The exact p(u) is logistic-Beta, not Gaussian; a Gaussian with its mean and variance gets E[σ(u)] within 1e−3.
    const exact = findTarget('coin')?.exact?.({ a: 10, b: 10, heads: 6, tails: 4 });
    const m = exact?.mean?.[0] ?? 0;
    const s = Math.sqrt(exact?.cov?.[0][0] ?? 0);
    expect(gaussianExpectation((u) => 1 / (1 + Math.exp(-u)), m, s)).toBeCloseTo(16 / 30, 3);
    expect(gaussianExpectation((u) => u * u, 0.5, 2)).toBeCloseTo(4.25, 9);
  });
});

const HAN = /[\u4e00-\u9fff]/;
const HAN_ALL = /[\u4e00-\u9fff]/g;
const paragraphs = (s: string) => s.split('\n').length;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('lesson prose', () => {
  it.each(lessons.map((l) => [l.id, l] as const))('%s: English and 简体中文 with the same steps: paragraphs, watch, question, one label per try', async (_, lesson) => {
    const prose = await lesson.prose();
    expect(lesson.title.en.trim()).not.toBe('');
    expect(lesson.title.zh).toMatch(HAN);
    for (const lang of ['en', 'zh'] as const) {
      const w = prose[lang];
      for (const part of [w.text, w.watch, w.question, ...w.tries]) expect(part.trim(), lang).not.toBe('');
      expect(w.tries.length, `${lang} try labels`).toBe(lesson.tries.length);
      expect(new Set(w.tries).size, `${lang} try labels are distinct (they key the buttons)`).toBe(w.tries.length);
    }
    expect(paragraphs(prose.zh.text)).toBe(paragraphs(prose.en.text));
    for (const part of [prose.zh.text, prose.zh.watch, prose.zh.question, ...prose.zh.tries]) expect(part).toMatch(HAN);
    // The same numbers in both (the claims are shared, so the translation may not drift).
    expect(sorted(decimals(prose.zh))).toEqual(sorted(decimals(prose.en)));
    // The Chinese text as short as the English one's 150 words allow.
    expect(prose.zh.text.match(HAN_ALL)?.length ?? 0).toBeLessThanOrEqual(400);
  });

  it('no spec imports its prose statically: the prose is a chunk loaded when the lesson opens', () => {
    const dir = new URL('.', import.meta.url);
    const specs = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.prose.ts') && !f.endsWith('.test.ts'));
    expect(specs.length).toBeGreaterThan(lessons.length);
    for (const f of specs) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/from '\.\/[\w]+\.prose'/);
  });
});

describe('applyTry', () => {
  it('a new target drops the old one’s parameters; other keys stay', () => {
    const next = applyTry({ target: 'correlated-gaussian', 'target.rho': '0.9', family: 'mean-field', seed: '1' }, { target: 'banana' });
    expect(next).toEqual({ target: 'banana', family: 'mean-field', seed: '1' });
  });
  it('a new family drops the old options unless given; same family keeps them', () => {
    expect(applyTry({ family: 'mixture', 'family.K': '3' }, { family: 'full-rank' })).toEqual({ family: 'full-rank' });
    expect(applyTry({ family: 'mixture', 'family.K': '3' }, { family: 'mixture', 'family.K': '5' })).toEqual({ family: 'mixture', 'family.K': '5' });
    expect(applyTry({ target: 'coin', 'target.a': '10' }, { 'target.a': '1' })).toEqual({ target: 'coin', 'target.a': '1' });
  });
});

describe('claimHolds', () => {
  it('value ± tolerance, above, below; no value never holds', () => {
    expect(claimHolds({ run: 0, reading: 'klQP', value: 0.83, tolerance: 0.01 }, 0.835)).toBe(true);
    expect(claimHolds({ run: 0, reading: 'klQP', value: 0.83, tolerance: 0.01 }, 0.845)).toBe(false);
    expect(claimHolds({ run: 0, reading: 'khat', above: 0.7 }, 0.9)).toBe(true);
    expect(claimHolds({ run: 0, reading: 'khat', below: 0.7 }, 0.9)).toBe(false);
    expect(claimHolds({ run: 0, reading: 'khat', above: 0.7 }, null)).toBe(false);
  });
});
