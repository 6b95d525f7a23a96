import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { type MetricRecord, appendRecord, historyCsv, historyJson } from './history';

const record = (step: number, elbo: number | null = -1): MetricRecord => ({
  step,
  readoutStep: step,
  elbo,
  elboStdErr: 0.1,
  klQP: 0.5,
  klPQ: null,
  khat: 0.3,
  logZ: 0,
  cubo: null,
  objectiveBound: -1,
  gradSnr: 2,
});

describe('metric history export', () => {
  it('keeps every record, replaces a repeated step and restarts when the step goes back', () => {
    const log: MetricRecord[] = [];
    for (let s = 1; s <= 5000; s++) appendRecord(log, record(s));
    expect(log).toHaveLength(5000);
    appendRecord(log, record(5000, -2));
    expect(log).toHaveLength(5000);
    expect(log[4999].elbo).toBe(-2);
    appendRecord(log, record(3));
    expect(log).toEqual([record(3)]);
  });

  it('CSV has a header and one row per record; JSON parses back', () => {
    const config = defaultConfig('banana', 'full-rank');
    const runs = [
      { run: 0, config, records: [record(1), record(2)] },
      { run: 1, config, records: [record(1, null)] },
    ];
    const lines = historyCsv(runs).trim().split('\n');
    expect(lines[0]).toBe('run,family,objective,step,readoutStep,elbo,elboStdErr,klQP,klPQ,khat,logZ,cubo,objectiveBound,gradSnr');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('1,full-rank,reverse-kl,1,1,,0.1,0.5,,0.3,0,,-1,2');
    const parsed = JSON.parse(historyJson(runs));
    expect(parsed.runs[0].records).toHaveLength(2);
    expect(parsed.runs[1].config.target.id).toBe('banana');
  });
});
