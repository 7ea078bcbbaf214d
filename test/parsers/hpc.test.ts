import { describe, expect, it } from 'vitest';
import { HPC_NODE_DOWN, parseHpcAdminFlag, parseHpcInt, parseHpcNode } from '../../parsers/hpc.js';

describe('/proc/hpc parsers', () => {
  it('reads one integer, negative ones included', () => {
    expect(parseHpcInt('26842\n')).toEqual({ ok: true, value: 26842, warnings: [] });
    expect(parseHpcInt('-101\n')).toMatchObject({ value: HPC_NODE_DOWN });
    expect(parseHpcInt('12abc\n')).toMatchObject({ ok: false, error: { line: 1, code: 'malformed', message: 'expected an integer, got "12abc"' } });
  });

  it('reads admin flags', () => {
    expect(parseHpcAdminFlag('0\n')).toMatchObject({ value: false });
    expect(parseHpcAdminFlag('1\n')).toMatchObject({ value: true });
    expect(parseHpcAdminFlag('2\n')).toMatchObject({ value: true, warnings: [{ line: 1 }] });
  });

  it('turns node 266 pages into the bytes mosctl getmem prints', () => {
    const result = parseHpcNode({ mem: '53213\n', tmem: '57328\n', speed: '26842\n', load: '0\n' });
    expect(result).toEqual({
      ok: true,
      value: {
        up: true, load: 0, speed: 26842, memFreeBytes: 217960448, memPhysFreeBytes: null, memTotalBytes: 234815488,
        cpus: null, util: null, statusBits: null,
      },
      warnings: [],
    });
  });

  it('marks a node reading -101 as down with no values', () => {
    const result = parseHpcNode({ load: '-101\n', cpus: '-101\n', speed: '10000\n' });
    expect(result.ok && result.value).toMatchObject({ up: false, load: null, cpus: null, speed: 10000 });
  });

  it('warns about a file caught mid-update instead of failing', () => {
    const result = parseHpcNode({ load: '\n', speed: '8240\n' });
    expect(result.ok && result.value.load).toBeNull();
    expect(result.ok && result.warnings).toEqual([{ line: 0, message: 'load: expected an integer, got empty input' }]);
  });

  it('needs at least one file', () => {
    expect(parseHpcNode({})).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});
