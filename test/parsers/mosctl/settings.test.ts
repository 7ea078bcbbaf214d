import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMosctlGetdecay, parseMosctlGettune, parseMosctlGetyard, parseMosctlReply } from '../../../parsers/mosctl.js';

const real = (name: string): string => readFileSync(new URL(`../../../fixtures/real/${name}`, import.meta.url), 'utf8');

describe('mosctl settings queries', () => {
  it('reads the yardstick sentence and its wording of the match', () => {
    expect(parseMosctlGetyard(real('mosctl-getyard.txt'))).toEqual({
      ok: true, value: { speed: 10000, match: 'matching', processor: 'PIII/1000' }, warnings: [],
    });
    expect(parseMosctlGetyard('Yardstick speed currently set to 9000 (close to a PIII/900 processor).\n')).toMatchObject({
      value: { speed: 9000, match: 'close to' },
    });
  });

  it('reads the three decay lines', () => {
    expect(parseMosctlGetdecay(real('mosctl-getdecay.txt'))).toEqual({ ok: true, value: { intervalSeconds: 1, slow: 975, fast: 926 }, warnings: [] });
  });

  it('rejects a per-mille decay above 1000 and a missing line', () => {
    const bad = 'Decaying statistics of active processes occurs every 1 second.\nSlow decay leaves 1975/1000.\nFast decay leaves 926/1000.\n';
    expect(parseMosctlGetdecay(bad)).toMatchObject({ ok: false, error: { line: 2, code: 'malformed' } });
    expect(parseMosctlGetdecay('Decaying statistics of active processes occurs every 1 second.\n')).toMatchObject({ ok: false });
  });

  it('reads the gettune title and every row, warns about odd rows', () => {
    const result = parseMosctlGettune(real('mosctl-gettune.txt'));
    if (!result.ok) return expect.fail(result.error.message);
    expect(result.value.title).toBe('OpenMosix Kernel Tuning Parameters (microseconds)');
    expect(Object.keys(result.value.values)).toHaveLength(14);
    expect(result.value.values['Migration time of an empty process']).toBe(3000);
    expect(parseMosctlGettune('Title:\n\ta = 1\n\tb = x\n')).toMatchObject({ value: { values: { a: 1 } }, warnings: [{ line: 3 }] });
  });

  it('fails gettune when no row reads, and gives its error text as an error', () => {
    expect(parseMosctlGettune('nothing\n')).toMatchObject({ ok: false, error: { line: 1 } });
    expect(parseMosctlGettune('Getting tune values: No such file or directory\n')).toMatchObject({ ok: false, error: { code: 'tool-error' } });
  });
});

describe('mosctl replies', () => {
  it('knows the sentences of the real binary, two-line ones included', () => {
    expect(parseMosctlReply(real('live/mosctl-stay.stdout'))).toMatchObject({ value: { command: 'stay', already: false } });
    expect(parseMosctlReply(real('live/mosctl-stay-again.stdout'))).toMatchObject({ value: { command: 'stay', already: true } });
    expect(parseMosctlReply(real('mosctl-nostay-already.txt'))).toMatchObject({ value: { command: 'nostay', already: true } });
    expect(parseMosctlReply(real('live/mosctl-bring.stdout'))).toMatchObject({ value: { command: 'bring', already: false } });
  });

  it('refuses a sentence it does not know', () => {
    expect(parseMosctlReply('Local processes now forced to stay.\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });
});
