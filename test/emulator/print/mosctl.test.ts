import { describe, expect, it } from 'vitest';
import {
  printAlready,
  printFreeMemory,
  printGetspeed,
  printMosctlUsage,
  printStatus,
  printWhoisSelf,
} from '../../../src/emulator/print/mosctl.js';
import { fixtureText } from './seedFixtures.js';

describe('mosctl printers', () => {
  it("match the tutorial's captures byte for byte", () => {
    expect(printGetspeed(26842)).toBe(fixtureText('mosctl/getspeed-266.txt'));
    expect(printGetspeed(8240)).toBe(fixtureText('mosctl/getspeed-261.txt'));
    expect(printFreeMemory(217960448, 234815488)).toBe(fixtureText('mosctl/getmem-266.txt'));
    expect(printFreeMemory(247595008, 268423168)).toBe(fixtureText('mosctl/getmem-261.txt'));
    expect(printMosctlUsage('bin/mosctl')).toBe(fixtureText('mosctl/usage.txt'));
  });

  it('print the decided reconstructions', () => {
    expect(printStatus(266, true, { stay: false, lstay: true, block: false, quiet: true })).toBe(
      'Node #266 is up, stay=0 lstay=1 block=0 quiet=1\n',
    );
    expect(printStatus(407, false)).toBe('Node #407 is down\n');
    expect(printWhoisSelf(261)).toBe('This is MOSIX #261\n');
  });

  it('reply to a toggle already in place with the captured wording where there is one', () => {
    expect(printAlready('stay', false)).toBe('automatic load-balancing already enabled.\n');
    expect(printAlready('lstay', false)).toBe('Local processes already allowed to leave automatically.\n');
  });
});
