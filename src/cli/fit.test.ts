import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';

/** The real CLI, bundled as `npm run fit` bundles it, run in a child Node process. */
function runFit(args: string[]) {
  return spawnSync(process.execPath, ['dist-cli/fit.mjs', ...args], { encoding: 'utf8' });
}

describe('npm run fit', () => {
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { stdio: 'ignore' });
  }, 120_000);

  test('prints one JSON object with the contract keys, and fits', () => {
    const r = runFit(['--target', 'correlated-gaussian', '--param', 'rho=0.9', '--family', 'mean-field', '--steps', '1500', '--seed', '1', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ['target', 'family', 'objective', 'estimator', 'steps', 'seed', 'backend', 'logZ', 'elbo', 'elboStdErr', 'klQP', 'klMethod', 'klQPMethod', 'klStdErr', 'klPQ', 'klPQMethod', 'qMassInside', 'khat', 'warnings', 'averaging', 'averagedOver', 'mean', 'cov', 'params', 'secondsPerStep']) {
      expect(out).toHaveProperty(key);
    }
    expect(out.backend).toBe('cpu');
    expect(out.steps).toBe(1500);
    // PRML §10.1.2: the mean-field reverse-KL optimum has KL = −½ log(1 − ρ²) and variances 1 − ρ².
    expect(out.klQP).toBeCloseTo(-0.5 * Math.log(1 - 0.81), 1);
    expect(Math.abs(out.cov[0][0] - 0.19)).toBeLessThan(0.03);
  });

  test('divergence: one line for a terminal naming the step and what to try, exit code 3', () => {
    const r = runFit(['--target', 'banana', '--optimizer', 'sgd', '--lr', '0.5', '--steps', '20']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fit: diverged at step \d+ \(q's parameters became NaN or infinite\); try a lower --lr \(now 0\.5\), more --samples or --optimizer adam$/);
    // caught when it happens, not at the end
    expect(Number(lines[0].match(/step (\d+)/)?.[1])).toBeLessThan(20);
  });

  test('q far outside the plot: KL(q‖p) is log Z − ELBO with its standard error, not a quadrature 0', () => {
    const out = JSON.parse(runFit(['--target', 'banana', '--optimizer', 'sgd', '--lr', '0.5', '--steps', '5', '--json']).stdout);
    expect(out.klMethod).toBe('elbo-gap');
    expect(out.klQP).toBeGreaterThan(5);
    expect(out.klStdErr).toBeGreaterThan(0);
    expect(out.qMassInside).toBeLessThan(0.5);
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('kl-large');
  });

  test('the same seed gives the same numbers', () => {
    const a = JSON.parse(runFit(['--target', 'banana', '--steps', '200', '--seed', '7', '--json']).stdout);
    const b = JSON.parse(runFit(['--target', 'banana', '--steps', '200', '--seed', '7', '--json']).stdout);
    expect(a.params).toEqual(b.params);
  });

  test('an unknown id or bad value prints one line naming the valid choices and exits 2', () => {
    const bad = runFit(['--target', 'bananas']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/unknown target "bananas"; valid: .*banana/);
    const range = runFit(['--lr', '7']);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/lr must be ≤ 0.5/);
  });

  test('a comma list (a session of several runs) is refused in one line, exit 2: the CLI fits one run', () => {
    const r = runFit(['--family', 'mean-field,full-rank', '--steps', '10']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^fit: the CLI fits one run, but family has 2 values \("mean-field,full-rank"\); give each option one value/);
  });

  test('combination problems are worded as the page words them; --backend is still accepted', () => {
    const k = runFit(['--objective', 'iwae', '--K', '10', '--samples', '4']);
    expect(k.status).toBe(2);
    expect(k.stderr.trim()).toBe('fit: samples per step (4) must be at least K = 10 for IWAE-K');
    expect(runFit(['--backend', 'cpu', '--steps', '10', '--json']).status).toBe(0);
  });

  test('--list lists every id with its parameters', () => {
    const r = runFit(['--list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/correlated-gaussian \(2D\): rho=0.8 \[-0.99, 0.99\]/);
    expect(r.stdout).toMatch(/families:\n {2}mean-field/);
  });
  test('--export numpyro|pymc prints a script; csv|json print every snapshot of the fit', () => {
    const script = runFit(['--target', 'coin', '--family', 'full-rank', '--steps', '500', '--seed', '4', '--export', 'numpyro']);
    expect(script.status).toBe(0);
    expect(script.stdout).toContain('def log_density(theta):');
    expect(script.stdout).toContain('STEPS = 500');
    expect(script.stdout).toContain('AutoMultivariateNormal');
    expect(runFit(['--target', 'banana', '--export', 'pymc']).stdout).toContain('pm.fit(n=STEPS, method="fullrank_advi"');
    const csv = runFit(['--target', 'banana', '--steps', '350', '--export', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^run,family,objective,step,readoutStep,elbo/);
    expect(csv.slice(1).map((l) => Number(l.split(',')[3]))).toEqual([100, 200, 300, 350]);
    const json = JSON.parse(runFit(['--target', 'banana', '--steps', '200', '--export', 'json']).stdout);
    expect(json.runs[0].records.at(-1).step).toBe(200);
    expect(runFit(['--export', 'stan']).status).toBe(2);
  });
});
