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

  it('reads memory in bytes and the flags from the status bits, as the live cluster\'s node 2 shows them', () => {
    const result = parseHpcNode({ mem: '123666432\n', rmem: '107073536\n', tmem: '134086656\n', speed: '29802\n', load: '96\n', status: '3\n' });
    expect(result).toEqual({
      ok: true,
      value: {
        up: true, load: 96, speed: 29802, memFreeBytes: 123666432, memPhysFreeBytes: 107073536, memTotalBytes: 134086656,
        cpus: null, util: null, statusBits: 3, flags: { stay: false, lstay: false, block: false, quiet: false, nomfs: false },
      },
      warnings: [],
    });
    expect(parseHpcNode({ status: '127\n' })).toMatchObject({ value: { up: true, flags: { stay: true, lstay: true, block: true, quiet: true, nomfs: true } } });
    expect(parseHpcNode({ status: '1\n', load: '5\n' })).toMatchObject({ value: { up: false } });
  });

  it('drops, with a warning, free memory above the total and util above what the CPUs give', () => {
    const result = parseHpcNode({ mem: '217960448\n', tmem: '9765625\n', util: '250\n', cpus: '2\n' });
    expect(result.ok && result.value).toMatchObject({ memFreeBytes: null, memTotalBytes: 9765625, util: null, cpus: 2 });
    expect(result.ok && result.warnings).toHaveLength(2);
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
