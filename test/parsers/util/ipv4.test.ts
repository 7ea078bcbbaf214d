import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, ipv4Plus, ipv4Value, isIpv4 } from '../../../parsers/util/ipv4.js';

describe('ipv4Plus', () => {
  it('adds within and across octets', () => {
    expect(ipv4Plus('10.0.0.1', 9)).toBe('10.0.0.10');
    expect(ipv4Plus('10.0.0.255', 1)).toBe('10.0.1.0');
    expect(ipv4Plus('10.255.255.255', 1)).toBe('11.0.0.0');
  });

  it('refuses non-IPv4 text and overflow past the last address', () => {
    expect(ipv4Plus('node1', 1)).toBeNull();
    expect(ipv4Plus('10.0.0.256', 0)).toBeNull();
    expect(ipv4Plus('255.255.255.250', 6)).toBeNull();
  });
});

describe('ipv4Plus by character code', () => {
  // How ipv4Plus computed it before (split, reduce, map, join): the result must not change.
  const before = (ip: string, offset: number): string | null => {
    if (!/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|\d?\d|0\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|\d?\d|0\d\d?)$/.test(ip)) return null;
    const base = ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
    const next = base + offset;
    if (next > 0xffffffff) return null;
    return [24, 16, 8, 0].map((shift) => Math.floor(next / 2 ** shift) % 256).join('.');
  };
  const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '007', '0255', '', 'x'));
  const ip = fc.oneof(fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.')), fc.string({ maxLength: 16 }));

  it('gives what the split-and-join version gave for any text and offset', () => {
    fc.assert(fc.property(ip, fc.nat(70000), (text, offset) => {
      expect(ipv4Plus(text, offset)).toBe(before(text, offset));
    }), { numRuns: 20000 });
  });

  it('reads the value and formats it back', () => {
    expect(ipv4Value('10.0.1.2')).toBe(167772418);
    expect(formatIpv4(167772418)).toBe('10.0.1.2');
    expect(ipv4Value('10.0.1')).toBeNull();
  });
});

describe('ipv4Value in one pass', () => {
  // How it read before: the address checked (here by a pattern, independent of the code under
  // test: four octets of 1-3 digits, each 0-255), then the octets added up in a second pass.
  const before = (text: string): number | null => {
    if (!/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|\d?\d|0\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|\d?\d|0\d\d?)$/.test(text)) return null;
    return text.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  };
  const octet = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('00', '007', '0255', '', 'x', '1 ') });
  const text = fc.oneof(
    fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.')),
    fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.')),
    fc.tuple(octet, octet, octet, octet, octet).map((parts) => parts.join('.')),
    fc.string({ maxLength: 16 }),
  );

  it('gives what a check and a second pass gave, for any text (and isIpv4 agrees)', () => {
    let read = 0;
    fc.assert(fc.property(text, (candidate) => {
      const expected = before(candidate);
      if (expected !== null) read += 1;
      expect(ipv4Value(candidate)).toBe(expected);
      expect(isIpv4(candidate)).toBe(expected !== null);
    }), { numRuns: 20000 });
    expect(read).toBeGreaterThan(1000);
  });
});
