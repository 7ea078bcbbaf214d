import { describe, expect, it } from 'vitest';
import { parseMosctlGetdecay, parseMosctlGettune, parseMosctlGetyard } from '../../../parsers/mosctl.js';

describe('mosctl settings queries', () => {
  it('reads the yard and the decay settings', () => {
    expect(parseMosctlGetyard('yard=pentium3\n')).toMatchObject({ value: { yard: 'pentium3' } });
    expect(parseMosctlGetdecay('interval=1 slow=975 fast=926\n')).toMatchObject({ value: { intervalSeconds: 1, slow: 975, fast: 926 } });
  });

  it('rejects a per-mille decay above 1000', () => {
    expect(parseMosctlGetdecay('interval=1 slow=1975 fast=926\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed' } });
  });

  it('reads gettune lines, warns about odd ones, and accepts no lines at all', () => {
    const result = parseMosctlGettune('a=1\n\nb = 2.5\nc=x\n');
    expect(result).toEqual({
      ok: true, value: { values: { a: 1, b: 2.5 } }, warnings: [{ line: 4, message: 'expected "name=number", got "c=x"' }],
    });
    expect(parseMosctlGettune('')).toMatchObject({ ok: true, value: { values: {} } });
  });

  it('fails gettune when no line reads', () => {
    expect(parseMosctlGettune('nothing\n')).toMatchObject({ ok: false, error: { line: 1 } });
  });
});
