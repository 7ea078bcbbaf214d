import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMosctlGetfree, parseMosctlGetload, parseMosctlGetmem, parseMosctlGetspeed, parseMosctlGetutil, parseMosctlIsup,
} from '../../../parsers/mosctl.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/mosctl/${name}.txt`, import.meta.url), 'utf8');

describe('mosctl queries', () => {
  it('reads node 266 memory from the tutorial: 217960448 of 234815488 bytes free', () => {
    expect(parseMosctlGetmem(fixture('getmem-266'))).toEqual({
      ok: true, value: { freeBytes: 217960448, totalBytes: 234815488 }, warnings: [],
    });
    expect(parseMosctlGetmem(fixture('getmem-261'))).toMatchObject({ value: { freeBytes: 247595008, totalBytes: 268423168 } });
  });

  it('reads the tutorial speeds, with and without the trailing dot', () => {
    expect(parseMosctlGetspeed(fixture('getspeed-266'))).toEqual({ ok: true, value: { speed: 26842 }, warnings: [] });
    expect(parseMosctlGetspeed(fixture('getspeed-261'))).toMatchObject({ value: { speed: 8240 } });
    expect(parseMosctlGetspeed('speed=8240')).toMatchObject({ value: { speed: 8240 } });
  });

  it('reads load, getfree, util and isup', () => {
    expect(parseMosctlGetload('load=153\n')).toMatchObject({ value: { load: 153 } });
    expect(parseMosctlGetfree('free memory = 1 of 2\n')).toMatchObject({ value: { freeBytes: 1, totalBytes: 2 } });
    expect(parseMosctlGetutil('util=87%\n')).toMatchObject({ value: { util: 87 } });
    expect(parseMosctlIsup('yes\n')).toMatchObject({ value: { up: true } });
    expect(parseMosctlIsup('no\n')).toMatchObject({ value: { up: false } });
  });

  it('warns when free memory exceeds the total', () => {
    const result = parseMosctlGetmem('free memory = 5 of 4\n');
    expect(result.ok && result.warnings).toEqual([{ line: 1, message: 'free memory 5 exceeds the total 4' }]);
  });

  it('returns the tool error texts as typed errors before reading the value', () => {
    expect(parseMosctlGetload('Node #407 is not up\n')).toEqual({
      ok: false, error: { line: 1, code: 'not-up', message: 'Node #407 is not up' },
    });
    expect(parseMosctlGetspeed('This is NOT an openMosix system!\n')).toMatchObject({ error: { code: 'not-openmosix' } });
    expect(parseMosctlGetmem(fixture('usage'))).toMatchObject({ error: { code: 'usage', line: 1 } });
  });

  it('names what it expected and what it found', () => {
    expect(parseMosctlGetspeed('speed=fast.\n')).toEqual({
      ok: false, error: { line: 1, code: 'malformed', message: 'expected a speed (a whole number), got "fast"' },
    });
    expect(parseMosctlGetmem('\n\n')).toMatchObject({ error: { line: 0, code: 'empty' } });
  });
});
