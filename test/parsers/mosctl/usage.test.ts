import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMosctlUsage } from '../../../parsers/mosctl.js';

const usage = readFileSync(new URL('../../../fixtures/mosctl/usage.txt', import.meta.url), 'utf8');

describe('parseMosctlUsage', () => {
  it('reads the program as invoked and every command of the tutorial usage text', () => {
    const result = parseMosctlUsage(usage);
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.program).toBe('bin/mosctl');
    expect(result.value.commands).toEqual([
      'stay', 'nostay', 'lstay', 'nolstay', 'block', 'noblock', 'quiet', 'noquiet', 'mfs', 'nomfs', 'expel', 'bring',
      'gettune', 'getdecay', 'whois', 'getload', 'getspeed', 'status', 'getmem', 'getfree', 'getutil', 'getyard',
      'setyard', 'setspeed', 'setdecay', 'isup',
    ]);
  });

  it('does not take another tool error for usage', () => {
    expect(parseMosctlUsage('Error: Network is unreachable\n')).toMatchObject({ ok: false, error: { code: 'down' } });
    expect(parseMosctlUsage('speed=1.\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed' } });
  });
});
