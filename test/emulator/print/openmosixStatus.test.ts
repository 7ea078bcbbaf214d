import { describe, expect, it } from 'vitest';
import { AUTODISCOVERY_PREAMBLE, printOpenMosixStatus } from '../../../src/emulator/print/openmosixStatus.js';
import { fixtureText } from './seedFixtures.js';

describe('printOpenMosixStatus', () => {
  it("reproduces the tutorial's capture byte for byte", () => {
    const text = printOpenMosixStatus({
      preamble: AUTODISCOVERY_PREAMBLE,
      localNode: 261,
      protocol: { number: 2, name: 'AF_INET' },
      ranges: [
        { first: 261, last: 261, address: '10.0.1.5' },
        { first: 407, last: 407, address: '10.0.1.151' },
        { first: 266, last: 266, address: '10.0.1.10' },
        { first: 258, last: 258, address: '10.0.1.2' },
      ],
    });
    expect(text).toBe(fixtureText('openmosix-status/tutorial.txt'));
  });

  it('counts nodes, not lines, in "Total configured"', () => {
    const text = printOpenMosixStatus({
      preamble: [],
      localNode: 1,
      protocol: { number: 2, name: 'AF_INET' },
      ranges: [{ first: 1, last: 10, address: '10.0.0.1' }],
    });
    expect(text).toContain('OpenMosix range       1-10      begins at 10.0.0.1\n');
    expect(text.endsWith('Total configured: 10\n')).toBe(true);
  });
});
