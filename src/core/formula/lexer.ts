import type { BinaryOp } from './ast';
import { echo } from '../numbers';
import { FormulaError } from './errors';
import type { TokenQuote } from './problems';

export interface NumberToken {
  readonly type: 'number';
  readonly value: number;
  readonly text: string;
  readonly pos: number;
}

export type Token =
  | NumberToken
  | { readonly type: 'ident'; readonly name: string; readonly pos: number }
  | { readonly type: 'op'; readonly op: BinaryOp; readonly text: string; readonly pos: number }
  | { readonly type: '(' | ')' | ','; readonly pos: number }
  | { readonly type: 'end'; readonly pos: number };

/**
 * Formulas travel in URLs and are re-parsed on every keystroke; a cap keeps a hostile link from
 * costing more than a few milliseconds, and no real log density needs more.
 */
export const MAX_FORMULA_LENGTH = 2000;

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Characters that look like ours in text copied from papers or from our own messages. */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['−', '-'],
  ['×', '*'],
  ['·', '*'],
  ['÷', '/'],
]);

function readNumber(src: string, pos: number): NumberToken {
  NUMBER.lastIndex = pos;
  const m = NUMBER.exec(src);
  const text = m ? m[0] : src[pos];
  const end = pos + text.length;
  const next = src[end] ?? '';
  // "1e" or "2e+": an exponent without digits. "2exp(x)" is left to the parser, which asks for a "*".
  const danglingExponent = /[eE]/.test(next) && !/^[eE][A-Za-z_]/.test(src.slice(end, end + 2));
  if (!m || danglingExponent) {
    const bad = src.slice(pos).match(/^[\d.]*[eE]?[+-]?/)?.[0] ?? text;
    throw new FormulaError({ code: 'malformed-number', pos, text: echo(bad), exponent: /[eE]/.test(bad) }, pos);
  }
  if (next === '.') throw new FormulaError({ code: 'two-dots', pos: end }, end);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new FormulaError({ code: 'number-too-large', pos, text: echo(text) }, pos);
  return { type: 'number', value, text, pos };
}

/** Splits a formula into tokens; whitespace is skipped. Always ends with an 'end' token. */
export function tokenize(src: string): Token[] {
  if (src.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError({ code: 'too-long', length: src.length, max: MAX_FORMULA_LENGTH }, MAX_FORMULA_LENGTH);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const raw = src[i];
    const c = LOOKALIKES.get(raw) ?? raw;
    if (/\s/.test(c)) {
      i++;
    } else if (/[\d.]/.test(c)) {
      const t = readNumber(src, i);
      tokens.push(t);
      i += t.text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      IDENT.lastIndex = i;
      const name = IDENT.exec(src)?.[0] ?? c;
      tokens.push({ type: 'ident', name, pos: i });
      i += name.length;
    } else if (c === '*' && src[i + 1] === '*') {
      tokens.push({ type: 'op', op: '^', text: '**', pos: i });
      i += 2;
    } else if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      tokens.push({ type: 'op', op: c, text: raw, pos: i });
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, pos: i });
      i++;
    } else {
      const grouping = c === '[' || c === '{' ? '(' : c === ']' || c === '}' ? ')' : null;
      // Report the whole code point, so an emoji is not shown as half a surrogate pair.
      const ch = String.fromCodePoint(src.codePointAt(i) ?? 0);
      throw new FormulaError({ code: 'unexpected-character', pos: i, ch, grouping }, i);
    }
  }
  tokens.push({ type: 'end', pos: src.length });
  return tokens;
}

/** How a token is quoted in messages (each language words the quote). */
export function quoteOf(t: Token): TokenQuote {
  switch (t.type) {
    case 'number':
      return { kind: 'number', text: echo(t.text) };
    case 'ident':
      return { kind: 'name', text: echo(t.name) };
    case 'op':
      return { kind: 'symbol', text: t.text };
    case 'end':
      return { kind: 'end' };
    default:
      return { kind: 'symbol', text: t.type };
  }
}
