// Property tests of the CLI arguments (parseArgs → resolveCliConfig): 10,000 generated command lines each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../core/config';
import { runConfigOf } from '../core/session';
import { MAX_CALL_MS, MAX_MESSAGE_CHARS, PROTOTYPE_NAMES, flatValue, numberish, timed } from '../core/testing/fuzzInputs';
import { parseHash } from '../state/url';
import { CliError, parseArgs } from './args';
import { resolveCliConfig } from './fitRun';

const RUNS = { numRuns: 10_000 };

const VALUE_OPTIONS = ['--target', '--export', '--family', '--objective', '--estimator', '--optimizer', '--lr', '--samples', '--seed', '--backend', '--formula', '--domain', '--K', '--alpha', '--steps'];
const NAMES = [...VALUE_OPTIONS, '--param', '--family-opt', '--json', '--list', '--help', '-h', ...PROTOTYPE_NAMES, ...PROTOTYPE_NAMES.map((n) => `--${n}`), '--', '-', '--targt'];
const PARAM_NAMES = ['rho', 'sd1', 'b', 'a', 'K', 'layers', 'nu', ...PROTOTYPE_NAMES];

/** One option as it may be typed: "--name value", "--name=value", a NAME=VALUE pair, or junk. */
const option = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...NAMES), flatValue).map(([n, v]) => [n, v]), weight: 4 },
  { arbitrary: fc.tuple(fc.constantFrom(...NAMES), flatValue).map(([n, v]) => [`${n}=${v}`]), weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('--param', '--family-opt'), fc.constantFrom(...PARAM_NAMES), numberish, fc.boolean())
      .map(([n, k, v, inline]) => (inline ? [`${n}=${k}=${v}`] : [n, `${k}=${v}`])),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(...NAMES).map((n) => [n]), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => [s]), weight: 1 },
);
const argv = fc.array(option, { maxLength: 6 }).map((parts) => parts.flat());

describe('CLI arguments: property tests', () => {
  it('parseArgs + resolveCliConfig: no stray throw, bounded time, a valid config or one clear error', () => {
    let worst = 0;
    fc.assert(
      fc.property(argv, (args) => {
        const { ms } = timed(() => {
          let flat: Record<string, string>;
          try {
            flat = parseArgs(args).flat;
          } catch (e) {
            // Only CliError may escape (fit.ts turns it into exit 2), and it says what is wrong.
            expect(e).toBeInstanceOf(CliError);
            expect((e as Error).message.length).toBeGreaterThan(0);
            expect((e as Error).message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
            return;
          }
          const r = resolveCliConfig(flat);
          expect(parseRunConfig(r.config)).toEqual(r.config);
          for (const m of r.errors) {
            expect(m.length).toBeGreaterThan(0);
            expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
          }
        });
        worst = Math.max(worst, ms);
      }),
      RUNS,
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });

  it('a value gets the same verdict, in the same words, from the CLI and from a link', () => {
    const pairs: [string, string][] = [
      ['--seed', 'seed'],
      ['--lr', 'lr'],
      ['--samples', 'samples'],
      ['--K', 'objective.K'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), numberish, fc.boolean(), ([option, key], value, inline) => {
        const args = key === 'objective.K' ? ['--objective', 'iwae'] : [];
        const cli = resolveCliConfig(parseArgs([...args, ...(inline ? [`${option}=${value}`] : [option, value])]).flat);
        // The CLI averages unless told not to; a link said so explicitly reads the same.
        const link = parseHash(`#averaging=on&${key === 'objective.K' ? 'objective=iwae&' : ''}${key}=${encodeURIComponent(value)}`);
        // A comma list of a per-run key makes several runs: the CLI, which fits one, says so first.
        const severalRuns = value.includes(',') && (key === 'lr' || key === 'samples');
        expect(cli.errors.length - link.errors.length).toBe(severalRuns ? 1 : 0);
        expect(cli.errors.slice(severalRuns ? 1 : 0)).toEqual(link.errors);
        expect(cli.config).toEqual(runConfigOf(link.session, 0));
      }),
      RUNS,
    );
  });
});
