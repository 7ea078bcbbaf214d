import { describe, expect, it } from 'vitest';
import { localIdentity, nodeIdFromIp } from '../../../src/backends/local/identity.js';

describe('local node identity', () => {
  it('numbers a node by the low 16 bits of its IPv4 address, like omdiscd', () => {
    expect(nodeIdFromIp('10.0.1.5')).toBe(261);
    expect(nodeIdFromIp('10.0.1.151')).toBe(407);
    expect(nodeIdFromIp('192.168.10.220')).toBe(2780);
  });

  it('takes the first outside IPv4 address, and 127.0.0.1 (node 1) without one', () => {
    const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: true, cidr: null } as const;
    const eth = { address: '10.0.1.10', netmask: '255.255.255.0', family: 'IPv4', mac: '', internal: false, cidr: null } as const;
    expect(localIdentity({ lo: [lo], eth0: [eth] })).toEqual({ id: 266, ip: '10.0.1.10' });
    expect(localIdentity({ lo: [lo] })).toEqual({ id: 1, ip: '127.0.0.1' });
  });
});
