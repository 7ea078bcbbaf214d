// Addresses as the openMosix tools print them: a dotted quad (`10.0.1.151`, from inet_ntoa) or,
// in setpe's range lines, a host name when the reverse lookup worked (`begins at node266`).
// Checked by character code: a range line can be 100,000 characters of hostile text.

const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * True for exactly four dot-separated decimal octets of 1-3 digits, each 0-255 (`10.0.1.5`).
 * `256.0.1.5`, `1.2.3`, `1.2.3.4.5`, `01.2.3.4x` and anything with other characters are not.
 */
export function isIpv4(text: string): boolean {
  return ipv4Value(text) !== null;
}

/** True when `text` holds only digits and dots: it means to be an IPv4 address, valid or not. */
export function looksNumeric(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== DOT && (code < ZERO || code > NINE)) return false;
  }
  return text.length > 0;
}

const MAX_HOST = 253;
const MAX_LABEL = 63;

/**
 * A host name as a resolver returns one: labels of letters, digits, `-` and `_` (seen in real
 * networks though not in RFC 1123), 1-63 characters each, joined by dots, at most 253 in all, and
 * not all digits (that would be a broken address). No spaces, escapes or other bytes.
 */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HOST || looksNumeric(text)) return false;
  let label = 0;
  for (let index = 0; index <= text.length; index += 1) {
    const code = index < text.length ? text.charCodeAt(index) : DOT;
    if (code === DOT) {
      if (label === 0) return false;
      label = 0;
    } else if (isHostCharacter(code)) {
      label += 1;
      if (label > MAX_LABEL) return false;
    } else {
      return false;
    }
  }
  return true;
}

function isHostCharacter(code: number): boolean {
  return (code >= ZERO && code <= NINE) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2d || code === 0x5f;
}

/** 255.255.255.255 */
export const MAX_IPV4 = 0xffffffff;

/** The IPv4 address `offset` after `ip`, or null when ip is not IPv4 or the sum passes 255.255.255.255. */
export function ipv4Plus(ip: string, offset: number): string | null {
  const base = ipv4Value(ip);
  if (base === null) return null;
  const next = base + offset;
  if (next > MAX_IPV4) return null;
  return formatIpv4(next);
}

/**
 * The 32-bit value of a dotted quad (`10.0.1.2` → 167772418), or null for anything `isIpv4`
 * refuses: one pass that checks the octets while it adds them up (a 1,000-node map reads 1,000).
 */
export function ipv4Value(text: string): number | null {
  if (text.length < 7 || text.length > 15) return null;
  let octets = 0;
  let digits = 0;
  let octet = 0;
  let value = 0;
  for (let index = 0; index <= text.length; index += 1) {
    const code = index < text.length ? text.charCodeAt(index) : DOT;
    if (code >= ZERO && code <= NINE) {
      digits += 1;
      octet = octet * 10 + (code - ZERO);
      if (digits > 3 || octet > 255) return null;
    } else if (code === DOT) {
      if (digits === 0) return null;
      octets += 1;
      value = value * 256 + octet;
      digits = 0;
      octet = 0;
    } else {
      return null;
    }
  }
  return octets === 4 ? value : null;
}

/** The dotted quad of a value from 0 to 0xffffffff. */
export function formatIpv4(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}
