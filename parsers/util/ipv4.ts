// Dotted-quad arithmetic for openMosix ranges: `1-10 begins at 10.0.0.1` covers ten nodes at
// consecutive addresses, 10.0.0.1 to 10.0.0.10, carrying into the higher octets as needed.

/** The IPv4 address `offset` after `ip`, or null when ip is not IPv4 or the sum passes 255.255.255.255. */
export function ipv4Plus(ip: string, offset: number): string | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  const base = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const next = base + offset;
  if (next > 0xffffffff) return null;
  return [24, 16, 8, 0].map((shift) => Math.floor(next / 2 ** shift) % 256).join('.');
}
