// Every mosctl printer against the real binary's captures, byte for byte, for the values the
// captures show (fixtures/real/, the live cluster's under live/).
import { describe, expect, it } from 'vitest';
import {
  TUNE_DEFAULTS, printAddressNotConfigured, printFreeMemory, printGetdecay, printGetload, printGetspeed, printGettune,
  printGetutil, printGetyard, printIsup, printMosctlUsage, printNoSuchOption, printNotConfigured, printRawFreeMemory,
  printReply, printStatus, printUnreachable, printWhoisAddress, printWhoisName, printWhoisSelf,
} from '../../../src/emulator/print/mosctl.js';
import { fixtureText, real } from './seedFixtures.js';

const NO_FLAGS = { stay: false, lstay: false, block: false, quiet: false, nomfs: false };

describe('mosctl printers print what the real binary prints', () => {
  it('readings', () => {
    expect(printGetload(153)).toBe(real('mosctl-getload-266.txt'));
    expect(printGetload(30)).toBe(real('live/mosctl-getload-1.stdout'));
    expect(printGetspeed(26842)).toBe(real('mosctl-getspeed-266.txt'));
    expect(printGetspeed(29802)).toBe(real('live/mosctl-getspeed-2.stdout'));
    expect(printFreeMemory(217960448, 234815488)).toBe(real('mosctl-getmem-266.txt'));
    expect(printFreeMemory(123666432, 134086656)).toBe(real('live/mosctl-getmem-2.stdout'));
    expect(printRawFreeMemory(221212672, 234815488)).toBe(real('mosctl-getfree-266.txt'));
    expect(printRawFreeMemory(107073536, 134086656)).toBe(real('live/mosctl-getfree-2.stdout'));
    expect(printGetutil(87, 1)).toBe(real('mosctl-getutil-266.txt'));
    expect(printGetutil(150, 2)).toBe(real('mosctl-getutil-smp.txt'));
    expect(printGetutil(100, 1)).toBe(real('live/mosctl-getutil-2.stdout'));
    expect(printIsup(true)).toBe(real('mosctl-isup-up.txt'));
    expect(printIsup(false)).toBe(real('mosctl-isup-down.txt'));
  });

  it('and the tutorial\'s captures of the same', () => {
    expect(printGetspeed(8240)).toBe(fixtureText('mosctl/getspeed-261.txt'));
    expect(printFreeMemory(247595008, 268423168)).toBe(fixtureText('mosctl/getmem-261.txt'));
  });

  it('status: the state and only the flags that are set', () => {
    expect(printStatus(true, NO_FLAGS)).toBe(real('mosctl-status-up.txt'));
    expect(printStatus(false, NO_FLAGS)).toBe(real('mosctl-status-down.txt'));
    expect(printStatus(true, { stay: true, lstay: true, block: true, quiet: true, nomfs: true })).toBe(real('mosctl-status-flags.txt'));
    expect(printStatus(true, { ...NO_FLAGS, stay: true })).toBe(real('live/mosctl-status-1-stay.stdout'));
  });

  it('whois in its three forms', () => {
    expect(printWhoisSelf(261)).toBe(real('mosctl-whois.txt'));
    expect(printWhoisSelf(1)).toBe(real('live/mosctl-whois.stdout'));
    expect(printWhoisAddress('10.0.1.151')).toBe(real('mosctl-whois-node.txt'));
    expect(printWhoisAddress('10.0.0.2')).toBe(real('live/mosctl-whois-2.stdout'));
    expect(printWhoisName('node266', 266)).toBe(real('mosctl-whois-host.txt'));
    expect(printWhoisName('10.0.1.2', 258)).toBe(real('mosctl-whois-ip.txt'));
  });

  it('errors', () => {
    expect(printNotConfigured('999')).toBe(real('mosctl-getload-notconf.txt'));
    expect(printNotConfigured('999')).toBe(real('mosctl-status-notconf.txt'));
    expect(printNotConfigured('3')).toBe(real('live/mosctl-getload-3.stderr'));
    expect(printAddressNotConfigured('10.0.1.99')).toBe(real('mosctl-whois-ip-notconf.txt'));
    expect(printUnreachable()).toBe(real('mosctl-getload-down.txt'));
    expect(printUnreachable()).toBe(real('mosctl-getspeed-down.txt'));
    expect(printMosctlUsage('/sbin/mosctl')).toBe(real('mosctl-usage.txt'));
    expect(printNoSuchOption('/sbin/mosctl')).toBe(real('mosctl-nosuchoption.txt'));
  });

  it('settings', () => {
    expect(printGetyard()).toBe(real('mosctl-getyard.txt'));
    expect(printGetdecay(1, 975, 926)).toBe(real('mosctl-getdecay.txt'));
    expect(printGettune(TUNE_DEFAULTS)).toBe(real('mosctl-gettune.txt'));
  });

  it('the sentences of commands that change something', () => {
    expect(printReply('nostay', true)).toBe(real('mosctl-nostay-already.txt'));
    expect(printReply('expel', false)).toBe(real('mosctl-expel.txt'));
    expect(printReply('expel', false)).toBe(real('live/mosctl-expel-vmb.stdout'));
    expect(printReply('bring', false)).toBe(real('live/mosctl-bring.stdout'));
    expect(printReply('stay', false)).toBe(real('live/mosctl-stay.stdout'));
    expect(printReply('stay', true)).toBe(real('live/mosctl-stay-again.stdout'));
    expect(printReply('nostay', false)).toBe(real('live/mosctl-nostay.stdout'));
  });
});
