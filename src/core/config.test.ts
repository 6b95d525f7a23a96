import { describe, expect, it } from 'vitest';
import { LR, SAMPLES, SEED, defaultConfig, parseRunConfig } from './config';
import { SPEED } from './config';
import { resolveFlat, toFlat } from './sessionFlat';
import type { RunConfig } from './config';
import type { HostSettings } from './session';
import { families } from './families/registry';
import { targets } from './targets/registry';

function rejection(input: unknown): string {
  try {
    parseRunConfig(input);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parseRunConfig accepted an invalid config');
}

describe('resolveFlat (URL hash, lenient)', () => {
  it('gives the default config and no problems for an empty hash', () => {
    expect(resolveFlat({})).toEqual({ config: defaultConfig(), host: { speed: SPEED.default, backend: 'auto' }, problems: [], errors: [] });
  });

  it('keeps valid values', () => {
    const { config, host, problems } = resolveFlat({
      target: 'banana',
      'target.b': '0.3',
      family: 'mean-field',
      optimizer: 'sgd',
      lr: '0.1',
      samples: '64',
      seed: '42',
      backend: 'cpu',
      autoplay: '1',
    });
    expect(problems).toEqual([]);
    expect(config.target).toEqual({ id: 'banana', params: { a: 2, b: 0.3 } });
    expect(config.family.id).toBe('mean-field');
    expect([config.optimizer, config.lr, config.samples, config.seed, host.backend]).toEqual(['sgd', 0.1, 64, 42, 'cpu']);
  });

  // Speed and backend are the host's (HostSettings), the rest the run's.
  const bad: { key: string; raw: string; read: (c: RunConfig, host: HostSettings) => unknown; fallback: unknown }[] = [
    { key: 'lr', raw: '9', read: (c) => c.lr, fallback: LR.default },
    { key: 'lr', raw: '-0.1', read: (c) => c.lr, fallback: LR.default },
    { key: 'lr', raw: 'fast', read: (c) => c.lr, fallback: LR.default },
    { key: 'lr', raw: 'Infinity', read: (c) => c.lr, fallback: LR.default },
    { key: 'samples', raw: '0', read: (c) => c.samples, fallback: SAMPLES.default },
    { key: 'samples', raw: '3.5', read: (c) => c.samples, fallback: SAMPLES.default },
    { key: 'samples', raw: '100000', read: (c) => c.samples, fallback: SAMPLES.default },
    { key: 'seed', raw: '-1', read: (c) => c.seed, fallback: SEED.default },
    { key: 'seed', raw: 'abc', read: (c) => c.seed, fallback: SEED.default },
    { key: 'target', raw: 'teapot', read: (c) => c.target.id, fallback: 'correlated-gaussian' },
    { key: 'family', raw: 'flow', read: (c) => c.family.id, fallback: 'full-rank' },
    { key: 'objective', raw: 'elbo2', read: (c) => c.objective.id, fallback: 'reverse-kl' },
    { key: 'estimator', raw: 'pathwise', read: (c) => c.estimator, fallback: 'reparam' },
    { key: 'optimizer', raw: 'rmsprop', read: (c) => c.optimizer, fallback: 'adam' },
    { key: 'backend', raw: 'tpu', read: (_, host) => host.backend, fallback: 'auto' },
    { key: 'speed', raw: '5', read: (_, host) => host.speed, fallback: SPEED.default },
    { key: 'target.rho', raw: '1.5', read: (c) => c.target.params.rho, fallback: 0.8 },
    { key: 'target.rho', raw: 'NaN', read: (c) => c.target.params.rho, fallback: 0.8 },
    { key: 'target.sd1', raw: '0.1', read: (c) => c.target.params.sd1, fallback: 1 },
  ];

  it.each(bad)('replaces $key=$raw by its default and says so', ({ key, raw, read, fallback }) => {
    const { config, host, problems } = resolveFlat({ [key]: raw });
    expect(read(config, host)).toEqual(fallback);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(key.replace('target.', ''));
    expect(problems[0]).toContain(String(fallback));
    // everything else is untouched
    expect({ ...config, [key.split('.')[0]]: undefined }).toEqual({ ...defaultConfig(), [key.split('.')[0]]: undefined });
  });

  it('reports every problem at once and keeps the valid values beside them', () => {
    const { config, problems } = resolveFlat({ target: 'banana', 'target.a': '9', 'target.b': '0.1', lr: '0', seed: '7', bogus: 'x' });
    expect(config.target.params).toEqual({ a: 2, b: 0.1 });
    expect(config.lr).toBe(LR.default);
    expect(config.seed).toBe(7);
    expect(problems).toHaveLength(3);
    expect(problems.some((m) => m.includes('target.a'))).toBe(true);
    expect(problems.some((m) => m.includes('lr'))).toBe(true);
    expect(problems.some((m) => m.includes('bogus'))).toBe(true);
  });

  it("ignores, and reports, parameters that belong to another target", () => {
    const { config, problems } = resolveFlat({ target: 'banana', 'target.rho': '0.5' });
    expect(config.target.params).toEqual({ a: 2, b: 0.2 });
    expect(problems).toEqual(['ignored unknown setting "target.rho".']);
  });

  it('always returns a config that the strict parser accepts', () => {
    const { config } = resolveFlat({ target: 'bimodal-1d', 'target.weight': '2', samples: 'many', backend: 'x' });
    expect(parseRunConfig(config)).toEqual(config);
  });
});

describe('toFlat → resolveFlat round trip', () => {
  const auto: HostSettings = { speed: SPEED.default, backend: 'auto' };
  const configs: { c: RunConfig; host: HostSettings }[] = [];
  // Every combination that can work (RealNVP needs 2 dimensions, so it is left out for 1D targets).
  for (const t of targets) for (const f of families) if (!f.unsupportedDim?.(t.dim)) configs.push({ c: defaultConfig(t.id, f.id), host: auto });
  const custom = defaultConfig('banana', 'mean-field');
  configs.push({
    c: { ...custom, target: { id: 'banana', params: { a: 1.35, b: 0.07 } }, optimizer: 'sgd', lr: 0.003, samples: 1000, seed: 2147483647 },
    host: { speed: 10, backend: 'webgl' },
  });
  configs.push({
    c: { ...defaultConfig(), target: { id: 'correlated-gaussian', params: { rho: -0.99, sd1: 0.3, sd2: 1.5 } } },
    host: { speed: SPEED.max, backend: 'cpu' },
  });

  it.each(configs.map(({ c, host }) => ({ name: `${c.target.id}/${c.family.id}/${host.backend}`, c, host })))('$name', ({ c, host }) => {
    const flat = toFlat(c, host);
    for (const v of Object.values(flat)) expect(typeof v).toBe('string');
    // and through a real URL hash
    const viaUrl = Object.fromEntries(new URLSearchParams(new URLSearchParams(flat).toString()));
    for (const input of [flat, viaUrl]) {
      const resolved = resolveFlat(input);
      expect(resolved.problems).toEqual([]);
      expect(resolved.config).toEqual(c);
      expect(resolved.host).toEqual(host);
    }
  });
});

describe('parseRunConfig (worker, CLI, embed: strict)', () => {
  it('accepts the default config of every target and family', () => {
    for (const t of targets)
      for (const f of families) if (!f.unsupportedDim?.(t.dim)) expect(parseRunConfig(defaultConfig(t.id, f.id))).toEqual(defaultConfig(t.id, f.id));
  });

  const d = defaultConfig();
  const cases: { field: string; input: unknown }[] = [
    { field: 'lr', input: { ...d, lr: 0.9 } },
    { field: 'lr', input: { ...d, lr: '0.1' } },
    { field: 'samples', input: { ...d, samples: 12.5 } },
    { field: 'seed', input: { ...d, seed: -3 } },
    { field: 'target', input: { ...d, target: { id: 'teapot', params: {} } } },
    { field: 'target', input: { ...d, target: undefined } },
    { field: 'rho', input: { ...d, target: { id: 'correlated-gaussian', params: { rho: 1.2, sd1: 1, sd2: 1 } } } },
    { field: 'sd2', input: { ...d, target: { id: 'correlated-gaussian', params: { rho: 0.2, sd1: 1 } } } },
    { field: 'bogus', input: { ...d, target: { id: 'correlated-gaussian', params: { rho: 0.2, sd1: 1, sd2: 1, bogus: 1 } } } },
    { field: 'family', input: { ...d, family: { id: 'flow', options: {} } } },
    { field: 'objective', input: { ...d, objective: { id: 'elbo2', options: {} } } },
    { field: 'estimator', input: { ...d, estimator: 'pathwise' } },
    { field: 'optimizer', input: { ...d, optimizer: 'rmsprop' } },
  ];
  // The backend is the session's now: parseSession refuses a bad one (session.test.ts).

  it.each(cases)('rejects a bad $field with a message naming it', ({ field, input }) => {
    expect(rejection(input)).toContain(field);
  });

  it('lists every problem in one message', () => {
    const message = rejection({ ...d, lr: 5, seed: 0.5, optimizer: 'rmsprop' });
    for (const field of ['lr', 'seed', 'optimizer']) expect(message).toContain(field);
  });

  it('gives the same message for a range error as the lenient URL parser', () => {
    const strict = rejection({ ...d, lr: 0.9 });
    const [lenient] = resolveFlat({ lr: '0.9' }).problems;
    expect(lenient.startsWith(strict)).toBe(true);
  });
});

describe('resolveFlat: the strict number reader and the findings of issue 7', () => {
  it.each([
    ['seed', '0x10', 'seed must be a plain decimal number (got "0x10")'],
    ['samples', '0b11', 'samples must be a plain decimal number (got "0b11")'],
    ['samples', '0o17', 'samples must be a plain decimal number (got "0o17")'],
    ['target.rho', '+', 'target.rho must be a plain decimal number (got "+")'],
    ['target.rho', ' 0.5', 'target.rho must be a plain decimal number (got " 0.5")'],
    ['lr', '', 'lr must be a plain decimal number (got "")'],
    ['lr', 'Infinity', 'lr must be a plain decimal number (got "Infinity")'],
    ['lr', '1e999', 'lr must be ≤ 0.5 (got "1e999")'],
    ['seed', '1e-400', 'seed is too close to 0 to represent; write 0 if you mean 0 (got "1e-400")'],
    ['seed', '1.5', 'seed must be an integer (got "1.5")'],
  ])('%s=%j falls back with "%s"', (key, raw, message) => {
    const { config, problems, errors } = resolveFlat({ [key]: raw });
    expect(errors).toEqual([message]);
    expect(problems[0].startsWith(`${message}; using `)).toBe(true);
    expect(config).toEqual(defaultConfig());
  });

  it('accepts plain decimals in every spelling the grammar allows', () => {
    const { config, host, problems } = resolveFlat({ lr: '5e-2', samples: '+64', seed: '0', 'target.rho': '−0.5', speed: '1E3' });
    expect(problems).toEqual([]);
    expect([config.lr, config.samples, config.seed, config.target.params.rho, host.speed]).toEqual([0.05, 64, 0, -0.5, 1000]);
    expect(Object.is(resolveFlat({ seed: '-0' }).config.seed, 0)).toBe(true);
  });

  it('an empty choice is a mistake, not the default', () => {
    expect(resolveFlat({ family: '' }).errors).toEqual([`family is empty; valid: ${families.map((f) => f.id).join(', ')}`]);
  });

  it('prototype names are unknown settings like any other', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'target.__proto__']) {
      const flat = Object.fromEntries([[key, '1']]);
      expect(resolveFlat(flat).problems).toEqual([`ignored unknown setting "${key}".`]);
    }
  });

  it('many unknown keys make one short notice', () => {
    const flat = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`junk${i}`, 'x']));
    const { problems, errors } = resolveFlat(flat);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^100000 unknown settings ignored: "junk0", "junk1", .*, …\.$/);
    expect(problems[0].length).toBeLessThan(300);
    expect(errors).toHaveLength(1);
    expect(errors[0].length).toBeLessThan(600);
  });

  it('echoes at most 40 characters of a bad value', () => {
    const [message] = resolveFlat({ lr: '9'.repeat(5000) }).errors;
    expect(message).toBe(`lr must be ≤ 0.5 (got "${'9'.repeat(40)}…")`);
  });

  it.each([
    ['', 'formula "": the formula is empty'],
    ['1/0', 'formula "1/0": log p̃ is +∞'],
    ['log(0)', 'formula "log(0)": log p̃ is −∞ (p̃ = 0) on 100 % of the domain'],
    ['sqrt(-1)', 'formula "sqrt(-1)": log p̃ is undefined (NaN) on 100 % of the domain'],
    ['exp(exp(x))', 'formula "exp(exp(x))": log p̃ exceeds 3.4e38'],
  ])('an unusable formula %j falls back to the default target and says so', (formula, message) => {
    const { config, problems, errors } = resolveFlat({ target: 'formula', formula });
    expect(errors[0].startsWith(message)).toBe(true);
    expect(problems[0]).toMatch(/; using the default target, Correlated Gaussian\.$/);
    expect(config.target.id).toBe(defaultConfig().target.id);
  });

  it.each([
    ['-1e39,1e39', 'domain: xmin must be ≥ -1000000 (got "-1e39")'],
    ['-1e308,1e308', 'domain: xmin must be ≥ -1000000 (got "-1e308")'],
    ['', 'domain is empty'],
    ['0x1,2', 'domain: xmin must be a plain decimal number (got "0x1")'],
  ])('a bad domain %j falls back the same way', (domain, message) => {
    const { config, errors } = resolveFlat({ formula: '-x^2/2', domain });
    expect(errors[0].startsWith(message)).toBe(true);
    expect(config.target.id).toBe('correlated-gaussian');
  });

  it('keeps a formula whose only problem is mass at the edge (a caveat, not an error)', () => {
    const { config, problems } = resolveFlat({ formula: 'x^2', domain: '-3,3' });
    expect(problems).toEqual([]);
    expect(config.target).toMatchObject({ id: 'formula', formula: 'x^2', domain: { x: [-3, 3] } });
  });

  it('the strict parser refuses the same unusable formulas', () => {
    const c = { ...defaultConfig(), target: { id: 'formula', params: {}, formula: '1/0', domain: { x: [-6, 6] as const } } };
    expect(rejection(c)).toMatch(/^formula: log p̃ is \+∞/);
    const wide = { ...c, target: { ...c.target, formula: '-x^2', domain: { x: [-1e39, 1e39] as const } } };
    expect(rejection(wide)).toContain('must lie within ±1000000');
  });
});
