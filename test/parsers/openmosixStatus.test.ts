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
      { id: 261, ip: '10.0.1.5' },
      { id: 407, ip: '10.0.1.151' },
      { id: 266, ip: '10.0.1.10' },
      { id: 258, ip: '10.0.1.2' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('expands a range over consecutive addresses', () => {
    const result = parseOpenMosixStatus('OpenMosix range       1-10      begins at 10.0.0.1\nTotal configured: 10\n');
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.nodes).toHaveLength(10);
    expect(result.value.nodes[0]).toEqual({ id: 1, ip: '10.0.0.1' });
    expect(result.value.nodes[9]).toEqual({ id: 10, ip: '10.0.0.10' });
    expect(result.value.ranges).toEqual([{ first: 1, last: 10, ip: '10.0.0.1' }]);
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

  it('warns about a node listed in two ranges', () => {
    const result = parseOpenMosixStatus('OpenMosix range 1-2 begins at 10.0.0.1\nOpenMosix range 2-2 begins at 10.0.0.9\n');
    expect(result.ok && result.warnings.map((warning) => warning.message)).toEqual(['node #2 appears in more than one range']);
  });

  it('names the line and the bad value of a broken range', () => {
    const result = parseOpenMosixStatus(fixture('bad-range'));
    expect(result).toEqual({
      ok: false,
      error: { line: 6, code: 'malformed', message: 'expected a last node number from 407 to 65535, got "abc"' },
    });
  });

  it('keeps a non-IPv4 address of a one-node range as it is', () => {
    const result = parseOpenMosixStatus('OpenMosix range 5-5 begins at fe80::1\n');
    expect(result.ok && result.value.nodes).toEqual([{ id: 5, ip: 'fe80::1' }]);
  });
});
