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
    expect(() => parseArgs(['--steps', '0'])).toThrow('--steps must be ≥ 1 (got "0")');
    expect(() => parseArgs(['--steps', '2.5'])).toThrow('--steps must be an integer (got "2.5")');
    expect(() => parseArgs(['--param', 'rho'])).toThrow(/NAME=VALUE/);
    expect(() => parseArgs(['--lr'])).toThrow(/--lr needs a value/);
  });

  test('every option takes --name=value, NAME=VALUE options included', () => {
    const r = parseArgs(['--param=rho=0.5', '--family-opt=K=3', '--target=correlated-gaussian', '--steps=7', '--formula=-x^2/2']);
    expect(r.flat).toEqual({ 'target.rho': '0.5', 'family.K': '3', target: 'correlated-gaussian', formula: '-x^2/2' });
    expect(r.steps).toBe(7);
  });

  test('an empty value is kept, so the reader refuses it instead of using the default', () => {
    expect(parseArgs(['--seed=']).flat).toEqual({ seed: '' });
    expect(parseArgs(['--seed', '']).flat).toEqual({ seed: '' });
    expect(() => parseArgs(['--steps='])).toThrow('--steps must be a plain decimal number (got "")');
  });

  test('--steps is read by the strict number reader', () => {
    for (const raw of [' 7 ', '0x10', '0b11', '1e1.5', '+', '', 'Infinity', '7 ']) {
      expect(() => parseArgs(['--steps', raw])).toThrow(`--steps must be a plain decimal number (got "${raw}")`);
    }
    expect(parseArgs(['--steps', '1e3']).steps).toBe(1000);
  });

  test('prototype names are unknown options, not Object.prototype members', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '--toString', '--__proto__']) {
      expect(() => parseArgs([name, 'x'])).toThrow(`unknown option "${name}"`);
    }
    const r = parseArgs(['--param', '__proto__=1']);
    expect(Object.keys(r.flat)).toEqual(['target.__proto__']);
  });

  test('flags take no value, and echoed arguments are cut short', () => {
    expect(() => parseArgs(['--json=1'])).toThrow('--json takes no value');
    const long = `--${'a'.repeat(5000)}`;
    expect(() => parseArgs([long])).toThrow(CliError);
    try {
      parseArgs([long]);
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(400);
    }
  });
  test('--export takes numpyro, pymc, csv or json, and names them when wrong', () => {
    expect(parseArgs(['--export', 'pymc']).export).toBe('pymc');
    expect(parseArgs(['--export=csv']).export).toBe('csv');
    expect(parseArgs([]).export).toBeNull();
    expect(() => parseArgs(['--export', 'stan'])).toThrow('unknown --export "stan"; valid: numpyro, pymc, csv, json');
    expect(() => parseArgs(['--export'])).toThrow('--export needs a value');
  });
});
