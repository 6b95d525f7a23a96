import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CALL_MS, MAX_MESSAGE_CHARS, PROTOTYPE_NAMES, flatRecord, timed } from '../../core/testing/fuzzInputs';
import { DEFAULT_VIEW } from '../store';
import { parseHash } from '../url';
import { type CommandTarget, configHash, handleCommand } from './commands';
import { EMBED_TARGET, type EmbedEventBody, type EmbedState } from './embedApi';

const STATE: EmbedState = { hash: '#target=banana', url: 'https://x.example/#target=banana', playing: false, stepping: false, playWhenSeen: false, step: 0, runs: 1 };

/** A target that records what it was asked to do and configures through the real link reader. */
function recorder() {
  const calls: string[] = [];
  const target: CommandTarget = {
    play: () => calls.push('play'),
    pause: () => calls.push('pause'),
    step: (n) => calls.push(`step ${n}`),
    reset: () => calls.push('reset'),
    configure: (hash) => {
      const problems = parseHash(hash).errors;
      if (problems.length === 0) calls.push(`configure ${hash}`);
      return problems;
    },
    state: () => STATE,
  };
  return { calls, target };
}

const send = (data: unknown) => {
  const r = recorder();
  return { reply: handleCommand(data, r.target), calls: r.calls };
};

describe('handleCommand', () => {
  it('ignores messages that are not addressed to the playground', () => {
    for (const data of [null, undefined, 3, 'play', [], {}, { type: 'play' }, { target: 'other', type: 'play' }, { source: 'vi-playground', type: 'ready' }]) {
      expect(send(data)).toEqual({ reply: null, calls: [] });
    }
  });

  it('does what each command says, and answers a command that has an id with the state', () => {
    expect(send({ target: EMBED_TARGET, type: 'play' })).toEqual({ reply: null, calls: ['play'] });
    expect(send({ target: EMBED_TARGET, type: 'pause', id: 7 })).toEqual({ reply: { type: 'state', id: 7, ...STATE }, calls: ['pause'] });
    expect(send({ target: EMBED_TARGET, type: 'step', n: 25 }).calls).toEqual(['step 25']);
    expect(send({ target: EMBED_TARGET, type: 'step' }).calls).toEqual(['step 1']);
    expect(send({ target: EMBED_TARGET, type: 'reset', id: 'r' }).calls).toEqual(['reset']);
    expect(send({ target: EMBED_TARGET, type: 'getState' }).reply).toEqual({ type: 'state', ...STATE });
  });

  it('takes configure as a hash or as an object of the same keys', () => {
    expect(send({ target: EMBED_TARGET, type: 'configure', config: '#target=banana&family=mean-field,full-rank' }).calls).toEqual([
      'configure #target=banana&family=mean-field,full-rank',
    ]);
    expect(send({ target: EMBED_TARGET, type: 'configure', config: { target: 'correlated-gaussian', 'target.rho': 0.95 } }).calls).toEqual([
      'configure #target=correlated-gaussian&target.rho=0.95',
    ]);
    expect(configHash('lr=0.1')).toBe('#lr=0.1');
  });

  it('refuses a bad configure with the link reader’s own words, with its id, and changes nothing', () => {
    const hash = '#target=banana&lr=5';
    const { reply, calls } = send({ target: EMBED_TARGET, type: 'configure', config: hash, id: 'c1' });
    expect(calls).toEqual([]);
    expect(reply).toEqual({ type: 'error', kind: 'config', id: 'c1', message: `${parseHash(hash).errors.join('; ')}.` });
    expect((reply as Extract<EmbedEventBody, { type: 'error' }>).message).toMatch(/^lr/);
  });

  it('refuses malformed commands with a one-line reason and the id', () => {
    const cases: [unknown, RegExp][] = [
      [{ target: EMBED_TARGET, type: 'fly', id: 1 }, /^unknown command type "fly"; valid: play, pause, step, reset, configure, getState\.$/],
      [{ target: EMBED_TARGET, id: 1 }, /^unknown command type undefined/],
      [{ target: EMBED_TARGET, type: 'step', n: 0, id: 1 }, /^step: n: /],
      [{ target: EMBED_TARGET, type: 'step', n: 1.5, id: 1 }, /^step: n: /],
      [{ target: EMBED_TARGET, type: 'configure', id: 1 }, /^configure: config: /],
      [{ target: EMBED_TARGET, type: 'configure', config: 42, id: 1 }, /^configure: config: /],
    ];
    for (const [data, message] of cases) {
      const { reply, calls } = send(data);
      expect(calls).toEqual([]);
      expect(reply).toMatchObject({ type: 'error', kind: 'command', id: 1 });
      expect((reply as Extract<EmbedEventBody, { type: 'error' }>).message).toMatch(message);
    }
  });

  it('never echoes an id it cannot carry back safely', () => {
    const { reply } = send({ target: EMBED_TARGET, type: 'fly', id: 'x'.repeat(500) });
    expect(reply).not.toHaveProperty('id');
  });

  it('an origin= in configure is refused: only the embed’s own link sets it', () => {
    const { reply, calls } = send({ target: EMBED_TARGET, type: 'configure', config: { target: 'banana', origin: 'https://evil.example' } });
    expect(calls).toEqual([]);
    expect(reply).toMatchObject({ type: 'error', kind: 'config' });
  });
});

describe('handleCommand under fuzzing (the robustness fuzzers, docs/testing.md)', () => {
  const anyCommand = fc.record(
    {
      target: fc.oneof(fc.constant(EMBED_TARGET), fc.string()),
      type: fc.oneof(fc.constantFrom('play', 'pause', 'step', 'reset', 'configure', 'getState', ...PROTOTYPE_NAMES), fc.anything()),
      id: fc.anything(),
      n: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      config: fc.oneof(
        flatRecord.map((entries) => entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
        flatRecord.map((entries) => Object.fromEntries(entries)),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  );

  it('never throws, answers in bounded time, and a refusal changes nothing and fits on a line', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.oneof(anyCommand, fc.anything()), (data) => {
        const r = recorder();
        const { value: reply, ms } = timed(() => handleCommand(data, r.target));
        worst = Math.max(worst, ms);
        if (reply?.type === 'error') {
          expect(r.calls).toEqual([]);
          expect(reply.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
          expect(reply.message).not.toMatch(/\n/);
        }
        if (reply === null && r.calls.length === 0) {
          // Only messages not addressed to us go unanswered without doing anything.
          const addressed = typeof data === 'object' && data !== null && (data as { target?: unknown }).target === EMBED_TARGET;
          expect(addressed).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
    expect(worst).toBeLessThan(MAX_CALL_MS);
  });

  it('a configure the link reader accepts is applied; one it refuses is refused with its words', () => {
    fc.assert(
      fc.property(flatRecord, (entries) => {
        fc.pre(!entries.some(([k]) => k === 'origin'));
        const hash = `#${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
        const { reply, calls } = send({ target: EMBED_TARGET, type: 'configure', config: hash, id: 1 });
        const problems = parseHash(hash).errors;
        if (problems.length === 0) expect(calls).toEqual([`configure ${hash}`]);
        else expect(reply).toEqual({ type: 'error', kind: 'config', id: 1, message: `${problems.join('; ')}.` });
      }),
      { numRuns: 200 },
    );
    expect(DEFAULT_VIEW.hide).toEqual([]);
  });
});
