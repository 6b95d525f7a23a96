import { describe, expect, test } from 'vitest';
import { CliError, parseArgs } from './args';

describe('CLI arguments → the URL’s flat config', () => {
  test('options map onto the same keys as the URL hash', () => {
    const r = parseArgs(['--target', 'banana', '--param', 'b=0.3', '--family', 'mean-field', '--family-opt', 'K=4', '--K', '10', '--alpha', '0.5', '--lr=0.01', '--samples', '64', '--steps', '200', '--seed', '3', '--json']);
    expect(r.flat).toEqual({
      target: 'banana',
      'target.b': '0.3',
      family: 'mean-field',
      'family.K': '4',
      'objective.K': '10',
      'objective.alpha': '0.5',
      lr: '0.01',
      samples: '64',
      seed: '3',
    });
    expect(r.steps).toBe(200);
    expect(r.json).toBe(true);
  });

  test('mistakes are one-line CliErrors naming the valid choices', () => {
    expect(() => parseArgs(['--targt', 'banana'])).toThrow(CliError);
    expect(() => parseArgs(['--targt', 'banana'])).toThrow(/unknown option "--targt"; valid: .*--target/);
    expect(() => parseArgs(['--steps', '0'])).toThrow(/--steps must be an integer/);
    expect(() => parseArgs(['--param', 'rho'])).toThrow(/NAME=VALUE/);
    expect(() => parseArgs(['--lr'])).toThrow(/--lr needs a value/);
  });
});
