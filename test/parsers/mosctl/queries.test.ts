import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMosctlGetfree, parseMosctlGetload, parseMosctlGetmem, parseMosctlGetspeed, parseMosctlGetutil, parseMosctlIsup,
} from '../../../parsers/mosctl.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/${name}.txt`, import.meta.url), 'utf8');

describe('mosctl queries', () => {
  it('reads node 266 memory from the tutorial and the real binary: 217960448 of 234815488 bytes free', () => {
    expect(parseMosctlGetmem(fixture('mosctl/getmem-266'))).toEqual({
      ok: true, value: { freeBytes: 217960448, totalBytes: 234815488 }, warnings: [],
    });
    expect(parseMosctlGetmem(fixture('real/mosctl-getmem-266'))).toMatchObject({ value: { freeBytes: 217960448, totalBytes: 234815488 } });
    expect(parseMosctlGetfree(fixture('real/mosctl-getfree-266'))).toMatchObject({ value: { freeBytes: 221212672, totalBytes: 234815488 } });
  });

  it('tells getmem from getfree by the "raw" the real getfree prints', () => {
    expect(parseMosctlGetfree('free memory = 1 of 2\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseMosctlGetmem('raw free memory = 1 of 2\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('reads the tutorial speeds, with and without the trailing dot', () => {
    expect(parseMosctlGetspeed(fixture('mosctl/getspeed-266'))).toEqual({ ok: true, value: { speed: 26842 }, warnings: [] });
    expect(parseMosctlGetspeed(fixture('mosctl/getspeed-261'))).toMatchObject({ value: { speed: 8240 } });
    expect(parseMosctlGetspeed('speed=8240')).toMatchObject({ value: { speed: 8240 } });
  });

  it('reads load and isup', () => {
    expect(parseMosctlGetload('load=153\n')).toEqual({ ok: true, value: { load: 153 }, warnings: [] });
    expect(parseMosctlIsup('yes\n')).toMatchObject({ value: { up: true } });
    expect(parseMosctlIsup('no\n')).toMatchObject({ value: { up: false } });
  });

  it('reads utilizability and the CPU count the "(of N%)" gives', () => {
    expect(parseMosctlGetutil('Utilizability = 87%\n')).toMatchObject({ value: { util: 87, capacity: 100, cpus: 1 } });
    expect(parseMosctlGetutil('Utilizability = 150% (of 200%)\n')).toMatchObject({ value: { util: 150, capacity: 200, cpus: 2 } });
  });

  it('refuses impossible values rather than passing them on', () => {
    expect(parseMosctlGetmem('free memory = 217960448 of 9765625\n')).toEqual({
      ok: false, error: { line: 1, code: 'malformed', message: 'expected free memory no larger than the total, got 217960448 free of 9765625' },
    });
    expect(parseMosctlGetutil('Utilizability = 250% (of 200%)\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseMosctlGetutil('Utilizability = 50% (of 150%)\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseMosctlGetload('load=-5\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('returns the tool error texts as typed errors before reading the value', () => {
    expect(parseMosctlGetload('Error: Network is unreachable\n')).toEqual({
      ok: false, error: { line: 1, code: 'down', message: 'Error: Network is unreachable' },
    });
    expect(parseMosctlGetspeed('This is NOT a OpenMosix system!\n')).toMatchObject({ error: { code: 'not-openmosix' } });
    expect(parseMosctlGetmem(fixture('mosctl/usage'))).toMatchObject({ error: { code: 'usage', line: 1 } });
  });

  it('names what it expected and what it found, and refuses a line longer than any real one', () => {
    expect(parseMosctlGetspeed('speed=fast.\n')).toEqual({
      ok: false, error: { line: 1, code: 'malformed', message: 'expected a speed (a whole number), got "fast"' },
    });
    expect(parseMosctlGetmem('\n\n')).toMatchObject({ error: { line: 0, code: 'empty' } });
    expect(parseMosctlGetload(`load=${'1'.repeat(5000)}\n`)).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining('5005 characters') } });
  });
});
