import { describe, expect, it } from 'vitest';
import { wordProblem } from '../words/problems';
import { parseArgs } from './args';
import { resolveCliConfig } from './fitRun';

const resolve = (argv: string[]) => resolveCliConfig(parseArgs(argv).flat);

describe('resolveCliConfig: the CLI reads a link of one run', () => {
  it('a comma list that makes several runs is an error, named first (fit exits 2 on it)', () => {
    const r = resolve(['--family', 'mean-field,full-rank', '--lr', '0.1,0.2']);
    expect(r.errors[0]).toBe(
      'the CLI fits one run, but family has 2 values ("mean-field,full-rank") and lr has 2 values ("0.1,0.2"); give each option one value (the page compares up to 4 runs side by side)',
    );
    // Still a usable config of the first run (for callers that only warn).
    expect([r.config.family.id, r.config.lr]).toEqual(['mean-field', 0.1]);
  });

  it('more values than a session holds: the one-run error first, then the run count in words', () => {
    const r = resolve(['--samples', '1,2,3,4,5']);
    expect(r.errors[0]).toMatch(/^the CLI fits one run, but samples has 5 values/);
    expect(r.errors).toContain(wordProblem({ code: 'run-count', got: 5, max: 4 }));
  });

  it('one value per option is one run, with no error', () => {
    const r = resolve(['--target', 'banana', '--family', 'mixture', '--family-opt', 'K=3', '--backend', 'cpu']);
    expect(r.errors).toEqual([]);
    expect(r.config.family).toEqual({ id: 'mixture', options: { K: 3 } });
    // --backend is accepted as before: the host's setting, beside the run.
    expect(r.host.backend).toBe('cpu');
    expect(r.config.averaging).toBe(true);
  });

  it('a per-run option list without a per-run list is a list-length error in words', () => {
    const r = resolve(['--family', 'mixture', '--family-opt', 'K=,3']);
    expect(r.errors).toEqual([wordProblem({ code: 'list-length', key: 'family.K', got: 2, runs: 1 })]);
  });

  it('combination problems are worded as the page words them, never as codes', () => {
    const r = resolve(['--objective', 'iwae', '--K', '10', '--samples', '5']);
    expect(r.errors).toEqual(['samples per step (5) must be at least K = 10 for IWAE-K']);
    const flow = resolve(['--target', 'bimodal-1d', '--family', 'realnvp']);
    expect(flow.errors).toHaveLength(1);
    expect(flow.errors[0]).not.toMatch(/family-dim|\{/);
  });
});
