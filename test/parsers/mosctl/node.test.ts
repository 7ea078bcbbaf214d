import { describe, expect, it } from 'vitest';
import { parseMosctlStatus, parseMosctlWhois } from '../../../parsers/mosctl.js';

describe('mosctl whois and status', () => {
  it('reads whois without and with an argument', () => {
    expect(parseMosctlWhois('This is MOSIX #32\n')).toMatchObject({ value: { node: 32, address: null } });
    expect(parseMosctlWhois('MOSIX #266 is at 10.0.1.10\n')).toMatchObject({ value: { node: 266, address: '10.0.1.10' } });
  });

  it('reads a node state and only the flags that are shown', () => {
    expect(parseMosctlStatus('Node #266 is up, stay=1 block=0\n')).toEqual({
      ok: true, value: { node: 266, state: 'up', flags: { stay: true, block: false } }, warnings: [],
    });
    expect(parseMosctlStatus('Node #407 is down\n')).toMatchObject({ value: { node: 407, state: 'down', flags: {} } });
  });

  it('warns about status fields it does not know', () => {
    const result = parseMosctlStatus('Node #266 is up, stay=0 mfs=1\n');
    expect(result.ok && result.warnings).toEqual([{ line: 1, message: 'ignored unknown status field "mfs=1"' }]);
  });

  it('gives unconfigured nodes (also the 2.6 beta "(null)") as not-configured', () => {
    expect(parseMosctlStatus('Node #999 is not configured\n')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(parseMosctlStatus('Node #(null) is not configured\n')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });

  it('rejects node numbers beyond 16 bits', () => {
    expect(parseMosctlWhois('This is MOSIX #70000\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed' } });
  });
});
