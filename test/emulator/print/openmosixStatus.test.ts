import { describe, expect, it } from 'vitest';
import { AUTODISCOVERY_PREAMBLE, printOpenMosixStatus, printSetpe, type OpenMosixStatusState } from '../../../src/emulator/print/openmosixStatus.js';
import { real } from './seedFixtures.js';

const TUTORIAL: OpenMosixStatusState = {
  preamble: AUTODISCOVERY_PREAMBLE,
  localNode: 261,
  protocol: { number: 2, name: 'AF_INET' },
  ranges: [
    { first: 261, last: 261, address: '10.0.1.5' },
    { first: 407, last: 407, address: '10.0.1.151' },
    { first: 266, last: 266, address: '10.0.1.10' },
    { first: 258, last: 258, address: '10.0.1.2' },
  ],
};

describe('setpe -r and openmosix status printers', () => {
  it('reproduce the real setpe -r and the init script around it, byte for byte', () => {
    expect(printSetpe(TUTORIAL)).toBe(real('setpe-r-seed.txt'));
    expect(printOpenMosixStatus(TUTORIAL)).toBe(real('openmosix-status-seed.txt'));
  });

  it('print host names, wide ranges and aliases as the real setpe does', () => {
    const hostnames = { ...TUTORIAL, ranges: TUTORIAL.ranges.map((range) => ({ ...range, address: ({ 261: 'vm', 266: 'node266' } as Record<number, string>)[range.first] ?? range.address })) };
    expect(printSetpe(hostnames)).toBe(real('setpe-r-hostnames.txt'));
    expect(printSetpe({
      ...TUTORIAL,
      ranges: [{ first: 1, last: 8, address: '10.0.2.1' }, { first: 261, last: 261, address: '10.0.1.5' }, { first: 40000, last: 40001, address: '192.168.10.1' }],
      aliases: [{ node: 3, address: '10.0.9.9' }],
    })).toBe(real('setpe-r-range-alias.txt'));
    expect(printSetpe({ ...TUTORIAL, localNode: 1, ranges: [{ first: 1, last: 2, address: 'chaos-a000001' }] })).toBe(real('live/setpe-r.stdout'));
  });
});
