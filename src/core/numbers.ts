/**
 * The one reader of numbers typed by people: link values, CLI options (--steps included) and the
 * formula's domain. Number() is far too lenient for that ("0x10" → 16, " 7 " → 7, "" → 0,
 * "1e-400" → 0), so a value one reader accepted could mean something else in another; here every
 * entry point shares one grammar, one set of limits and one wording for what is wrong.
 */

/**
 * Plain decimals: optional sign, digits with an optional fraction (".5" and "5." included, as in
 * the formula language), optional exponent. No hex/binary/octal, no "Infinity", no whitespace.
 * "−" (U+2212) counts as a minus because our own messages print it.
 */
const DECIMAL = /^[+\-\u2212]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A mantissa with a non-zero digit: such a literal must not read as 0 (underflow). */
const NONZERO_MANTISSA = /[1-9]/;

/** The longest piece of user text a message repeats; longer text is cut and marked with "…". */
export const MAX_ECHO = 40;

/** User text as messages quote it: cut to MAX_ECHO characters (whole code points), with "…". */
export function echo(raw: string, max = MAX_ECHO): string {
  const points = Array.from(raw);
  return points.length <= max ? raw : `${points.slice(0, max).join('')}…`;
}

/** The limits a number must meet; every ParamSpec is one. */
export interface NumberRule {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** Why a typed number was refused, as a code (the page words it in its language). */
export type NumberWhy =
  | { readonly code: 'not-number' }
  | { readonly code: 'underflow' }
  | { readonly code: 'too-small'; readonly min: number }
  | { readonly code: 'too-large'; readonly max: number }
  | { readonly code: 'not-integer' };

export type NumberReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string; readonly why: NumberWhy };

/** The wording of a range or integer problem, shared with the strict schema (params.ts). */
export const ruleMessages = {
  notNumber: (name: string) => `${name} must be a plain decimal number`,
  tooSmall: (name: string, min: number) => `${name} must be ≥ ${min}`,
  tooLarge: (name: string, max: number) => `${name} must be ≤ ${max}`,
  notInteger: (name: string) => `${name} must be an integer`,
  underflow: (name: string) => `${name} is too close to 0 to represent; write 0 if you mean 0`,
};

/** Why `value` breaks `rule`, as a code, or null: the same checks, in the same order, as paramSchema. */
export function ruleWhy(value: number, rule: NumberRule): NumberWhy | null {
  if (Number.isNaN(value)) return { code: 'not-number' };
  if (value < rule.min) return { code: 'too-small', min: rule.min };
  if (value > rule.max) return { code: 'too-large', max: rule.max };
  if (rule.integer && !Number.isInteger(value)) return { code: 'not-integer' };
  return null;
}

/** A NumberWhy in English: `lr must be ≤ 0.5`. */
export function whyText(name: string, why: NumberWhy): string {
  switch (why.code) {
    case 'not-number':
      return ruleMessages.notNumber(name);
    case 'underflow':
      return ruleMessages.underflow(name);
    case 'too-small':
      return ruleMessages.tooSmall(name, why.min);
    case 'too-large':
      return ruleMessages.tooLarge(name, why.max);
    case 'not-integer':
      return ruleMessages.notInteger(name);
  }
}

/** Why `value` breaks `rule`, or null: the same checks, in the same order, as paramSchema. */
export function ruleProblem(value: number, rule: NumberRule): string | null {
  const why = ruleWhy(value, rule);
  return why ? whyText(rule.name, why) : null;
}

/** Reads `raw` under `rule`; the message quotes what was typed: `lr must be ≤ 0.5 (got "7")`. */
export function readNumber(raw: string, rule: NumberRule): NumberReading {
  const refuse = (why: NumberWhy): NumberReading => ({ ok: false, message: `${whyText(rule.name, why)} (got "${echo(raw)}")`, why });
  if (!DECIMAL.test(raw)) return refuse({ code: 'not-number' });
  const text = raw.replace('\u2212', '-');
  const parsed = Number(text);
  if (parsed === 0 && NONZERO_MANTISSA.test(text.split(/[eE]/)[0])) return refuse({ code: 'underflow' });
  // −0 and 0 are one value to people; keeping −0 would make "-0" and "0" different configs.
  const value = parsed === 0 ? 0 : parsed;
  const why = ruleWhy(value, rule);
  return why ? refuse(why) : { ok: true, value };
}
