import { describe, expect, it } from 'vitest';
import { ipv4Plus } from '../../../parsers/util/ipv4.js';

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
