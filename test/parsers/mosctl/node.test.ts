import { describe, expect, it } from 'vitest';
import { parseMosctlStatus, parseMosctlWhois } from '../../../parsers/mosctl.js';

describe('mosctl whois', () => {
  it('reads the real answers: this node, an address alone, a host or address asked about', () => {
    expect(parseMosctlWhois('This is openMosix #261\n')).toEqual({ ok: true, value: { node: 261, address: null, host: null }, warnings: [] });
    expect(parseMosctlWhois('This is MOSIX #32\n')).toMatchObject({ value: { node: 32 } });
    expect(parseMosctlWhois('10.0.1.151\n')).toMatchObject({ value: { node: null, address: '10.0.1.151', host: null } });
    expect(parseMosctlWhois('node266 is openMosix #266\n')).toMatchObject({ value: { node: 266, address: null, host: 'node266' } });
    expect(parseMosctlWhois('10.0.1.2 is openMosix #258\n')).toMatchObject({ value: { node: 258, address: '10.0.1.2', host: null } });
  });

  it('rejects an address that is not IPv4, a name with control bytes, and node numbers beyond 16 bits', () => {
    expect(parseMosctlWhois('256.0.1.5\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed' } });
    expect(parseMosctlWhois('10.0.1\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseMosctlWhois('no\x07de is openMosix #3\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseMosctlWhois('This is openMosix #70000\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed' } });
  });

  it('gives "Node at IP is not configured" as not-configured', () => {
    expect(parseMosctlWhois('Node at 10.0.1.99 is not configured\n')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });
});

describe('mosctl status', () => {
  it('reads the state and every flag: listed = on, not listed = off', () => {
    expect(parseMosctlStatus('up.\n')).toEqual({
      ok: true, value: { state: 'up', flags: { stay: false, lstay: false, block: false, quiet: false, nomfs: false } }, warnings: [],
    });
    expect(parseMosctlStatus('up,stay,lstay,block,quiet,nomfs.\n')).toMatchObject({
      value: { state: 'up', flags: { stay: true, lstay: true, block: true, quiet: true, nomfs: true } },
    });
    expect(parseMosctlStatus('down.\n')).toMatchObject({ value: { state: 'down' } });
  });

  it('warns about a flag it does not know and keeps the rest', () => {
    const result = parseMosctlStatus('up,stay,turbo.\n');
    expect(result.ok && result.value.flags.stay).toBe(true);
    expect(result.ok && result.warnings).toEqual([{ line: 1, message: 'ignored unknown flag "turbo"' }]);
  });

  it('gives unconfigured and unreachable nodes as typed errors', () => {
    expect(parseMosctlStatus('Node #999 is not configured\n')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(parseMosctlStatus('Node #(null) is not configured\n')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(parseMosctlStatus('Error: Network is unreachable\n')).toMatchObject({ ok: false, error: { code: 'down' } });
  });

  it('does not read the older reconstructed wording', () => {
    expect(parseMosctlStatus('Node #266 is up, stay=0\n')).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });
});
