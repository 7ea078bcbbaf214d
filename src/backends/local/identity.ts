// Which node number the local machine gets. openMosix autodiscovery numbers a node by the low
// 16 bits of its IPv4 address (10.0.1.5 → 261), so this machine gets the number it would have
// in an openMosix cluster; with no outside IPv4 address, 127.0.0.1 gives node 1.
import { networkInterfaces } from 'node:os';

export interface LocalIdentity {
  readonly id: number;
  readonly ip: string;
}

type Interfaces = ReturnType<typeof networkInterfaces>;

export function localIdentity(interfaces: Interfaces = networkInterfaces()): LocalIdentity {
  const addresses = Object.values(interfaces).flatMap((list) => list ?? []);
  const outside = addresses.find((a) => a.family === 'IPv4' && !a.internal);
  const ip = outside?.address ?? '127.0.0.1';
  return { id: nodeIdFromIp(ip), ip };
}

export function nodeIdFromIp(ip: string): number {
  const parts = ip.split('.').map(Number);
  return ((parts[2] ?? 0) << 8) + (parts[3] ?? 0);
}
