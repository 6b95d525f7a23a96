// zod/mini: the same validator with a tree-shakable API, a fraction of zod's size in the page.
import * as z from 'zod/mini';
import { ruleMessages } from './numbers';

/**
 * A numeric knob that a target, family or run exposes. The UI builds its sliders from these
 * (bounds included), and the config schema builds its validators from the same objects, so a
 * URL value can never get past a limit the slider enforces.
 */
export interface ParamSpec {
  readonly name: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly integer?: boolean;
  /** Short explanation shown as the slider's description. */
  readonly help?: string;
  /** Sliders move in log space for knobs that span decades (learning rate, sample count). */
  readonly scale?: 'linear' | 'log';
}

export function paramSchema(spec: ParamSpec): z.ZodMiniNumber<number> {
  // The wording comes from numbers.ts, so the strict schema and the text readers agree.
  const bounds = [
    z.gte(spec.min, { error: ruleMessages.tooSmall(spec.name, spec.min) }),
    z.lte(spec.max, { error: ruleMessages.tooLarge(spec.name, spec.max) }),
  ];
  const integer = z.refine<number>((v) => Number.isInteger(v), { error: ruleMessages.notInteger(spec.name) });
  const base = z.number({ error: `${spec.name} must be a number` });
  return spec.integer ? base.check(...bounds, integer) : base.check(...bounds);
}

export function defaultParams(specs: readonly ParamSpec[]): Record<string, number> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}
