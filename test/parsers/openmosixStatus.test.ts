import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenMosixStatus } from '../../parsers/openmosixStatus.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/openmosix-status/${name}.txt`, import.meta.url), 'utf8');

describe('parseOpenMosixStatus', () => {
  it('reads the tutorial status: node #261, autodiscovery, four nodes at their addresses', () => {
    const result = parseOpenMosixStatus(fixture('tutorial'));
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value).toMatchObject({
      running: true,
      localNode: 261,
      protocol: { number: 2, name: 'AF_INET' },
      mapFile: null,
      autodiscovery: true,
      discoveryDaemon: '/usr/mosix/sbin/omdiscd',
      totalConfigured: 4,
    });
    expect(result.value.nodes).toEqual([
      { id: 261, address: '10.0.1.5' },
      { id: 407, address: '10.0.1.151' },
      { id: 266, address: '10.0.1.10' },
      { id: 258, address: '10.0.1.2' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('expands a range over consecutive addresses', () => {
    const result = parseOpenMosixStatus('OpenMosix range       1-10      begins at 10.0.0.1\nTotal configured: 10\n');
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.nodes).toHaveLength(10);
    expect(result.value.nodes[0]).toEqual({ id: 1, address: '10.0.0.1' });
    expect(result.value.nodes[9]).toEqual({ id: 10, address: '10.0.0.10' });
    expect(result.value.ranges).toEqual([{ first: 1, last: 10, address: '10.0.0.1' }]);
  });

  it('warns, with the line, when Total configured disagrees with the ranges', () => {
    const result = parseOpenMosixStatus(fixture('total-mismatch'));
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.totalConfigured).toBe(5);
    expect(result.warnings).toEqual([{ line: 9, message: expect.stringContaining('4 node(s)') }]);
  });

  it('reports openMosix not running as a value, not an error', () => {
    const result = parseOpenMosixStatus('Error: this is not OpenMosix!\n');
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value).toMatchObject({ running: false, localNode: null, nodes: [] });
  });

  it('reads the map file path', () => {
    const result = parseOpenMosixStatus(fixture('map-file'));
    expect(result.ok && result.value.mapFile).toBe('/etc/openmosix.map');
    expect(result.ok && result.value.autodiscovery).toBe(false);
  });

  it('skips, with a warning, a range that repeats nodes of an earlier one', () => {
    const result = parseOpenMosixStatus('OpenMosix range 1-2 begins at 10.0.0.1\nOpenMosix range 2-2 begins at 10.0.0.9\n');
    expect(result.ok && result.warnings).toEqual([{ line: 2, message: 'ignored range 2-2: it repeats nodes of an earlier range' }]);
    expect(result.ok && result.value.nodes.map((node) => node.id)).toEqual([1, 2]);
  });

  it('bounds the map: 100 copies of a 65535-node range are one range and warnings, not 6.5 million nodes', () => {
    const line = 'OpenMosix range     1-65535 begins at 10.0.0.1\n';
    expect(parseOpenMosixStatus(line)).toEqual({
      ok: false,
      error: { line: 1, code: 'malformed', message: 'expected at most 10000 nodes in the map (a real one is far smaller), got 65535 with this range' },
    });
    const copies = parseOpenMosixStatus('OpenMosix range 1-5000 begins at 10.0.0.1\n'.repeat(100));
    expect(copies.ok && copies.value.nodes).toHaveLength(5000);
    expect(copies.ok && copies.warnings).toHaveLength(99);
    expect(parseOpenMosixStatus('OpenMosix range 1-9000 begins at 10.1.0.1\nOpenMosix range 20000-21000 begins at 10.2.0.1\n')).toMatchObject({
      ok: false, error: { line: 2, message: expect.stringContaining('10001') },
    });
  });

  it('reads host names, aliases and the alias count, and a range at a host name leaves the next addresses unknown', () => {
    const hostnames = parseOpenMosixStatus('OpenMosix range   266-266   begins at node266\nOpenMosix range     1-2     begins at chaos-a000001\n');
    expect(hostnames.ok && hostnames.value.nodes).toEqual([
      { id: 266, address: 'node266' }, { id: 1, address: 'chaos-a000001' }, { id: 2, address: null },
    ]);
    const alias = parseOpenMosixStatus('OpenMosix range     1-8     begins at 10.0.2.1\nNode 3 has an alias: 10.0.9.9\nTotal configured: 8; 1 alias\n');
    expect(alias).toMatchObject({ ok: true, value: { aliases: [{ node: 3, address: '10.0.9.9' }], totalConfigured: 8, aliasCount: 1 }, warnings: [] });
  });

  it('says when openMosix is disabled', () => {
    expect(parseOpenMosixStatus('OpenMosix is currently disabled\n')).toMatchObject({ ok: true, value: { running: false, disabled: true } });
  });

  it('rejects an address that cannot be one', () => {
    expect(parseOpenMosixStatus('OpenMosix range 5-5 begins at 256.0.1.5\n')).toEqual({
      ok: false, error: { line: 1, code: 'malformed', message: 'expected an address or host name after "begins at", got "256.0.1.5" (not a valid IPv4 address)' },
    });
    expect(parseOpenMosixStatus('OpenMosix range 5-5 begins at ev\x07il\n')).toMatchObject({ ok: false, error: { line: 1 } });
    expect(parseOpenMosixStatus('Node 3 has an alias: 10.0.9.300\n')).toMatchObject({ ok: false, error: { line: 1 } });
  });

  it('names the line and the bad value of a broken range', () => {
    const result = parseOpenMosixStatus(fixture('bad-range'));
    expect(result).toEqual({
      ok: false,
      error: { line: 6, code: 'malformed', message: 'expected a last node number from 407 to 65535, got "abc"' },
    });
  });

  it('keeps an IPv6 address of a one-node range as it is', () => {
    const result = parseOpenMosixStatus('OpenMosix range 5-5 begins at fe80::1\n');
    expect(result.ok && result.value.nodes).toEqual([{ id: 5, address: 'fe80::1' }]);
  });
});
