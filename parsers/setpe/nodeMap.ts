// The node map that `setpe -r` prints as ranges, expanded into nodes, with the bounds that keep a
// hostile map from amplifying: 100 lines of `OpenMosix range 1-65535 …` would otherwise be 6.5
// million nodes. Node numbers are 16 bits (1-65535) and a real openMosix map lists tens to
// hundreds of nodes, so omtop reads at most MAX_MAP_NODES; a range that repeats nodes of an
// earlier one is skipped with a warning (the kernel refuses such a map, so it is not real).

import { MAX_IPV4, formatIpv4, isHostName, isIpv4, ipv4Value, looksNumeric } from '../util/ipv4.js';
import { MAX_NODE_ID } from '../util/numbers.js';

/** The most nodes a map may list; more is an error, not a long wait. */
export const MAX_MAP_NODES = 10_000;

export interface MapNode {
  readonly id: number;
  /** The address (or host name) setpe printed or that follows from it; null when unknown. */
  readonly address: string | null;
}

/** Why an address text cannot be one, or null when it can: IPv4, IPv6 or a host name. */
export function addressProblem(text: string): string | null {
  if (isIpv4(text) || isIpv6(text) || isHostName(text)) return null;
  return looksNumeric(text) ? 'not a valid IPv4 address' : 'not an address or a host name';
}

/** Loose IPv6 check (hex groups and colons, maybe a dotted tail): enough to tell it from garbage. */
function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45 || !text.includes(':')) return false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const hex = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
    if (!hex && code !== 0x3a && code !== 0x2e) return false;
  }
  return true;
}

/** Ranges accepted so far as sorted, disjoint [first, last] pairs, and the nodes they expand to. */
export class NodeMap {
  readonly nodes: MapNode[] = [];
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  /**
   * Adds `first-last begins at address`. Returns null when added, `'overlap'` when it shares a node
   * with an earlier range (not added), or an error message. Checks happen before any expansion,
   * so each call costs O(log ranges) plus the nodes it adds. `base` is `ipv4Value(address)`, when
   * the caller has already read it.
   */
  add(first: number, last: number, address: string, base = ipv4Value(address)): string | 'overlap' | null {
    const size = last - first + 1;
    if (this.#overlaps(first, last)) return 'overlap';
    if (this.nodes.length + size > MAX_MAP_NODES) {
      return `expected at most ${MAX_MAP_NODES} nodes in the map (a real one is far smaller), got ${this.nodes.length + size} with this range`;
    }
    if (base !== null && base + size - 1 > MAX_IPV4) return `expected an IPv4 address with room for ${size} nodes, got "${address}"`;
    // The first node keeps the address as printed; a host name or IPv6 address names the first
    // node only (the others' addresses are not printed), an IPv4 one counts up over the range.
    this.nodes.push({ id: first, address });
    for (let id = first + 1; id <= last; id += 1) {
      this.nodes.push({ id, address: base === null ? null : formatIpv4(base + id - first) });
    }
    this.#insert(first, last);
    return null;
  }

  has(id: number): boolean {
    return this.#overlaps(id, id);
  }

  /** Index of the first range whose end is at or after `value` (binary search). */
  #firstEndingFrom(value: number): number {
    let low = 0;
    let high = this.#ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#ends[middle] ?? MAX_NODE_ID) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #overlaps(first: number, last: number): boolean {
    const index = this.#firstEndingFrom(first);
    return index < this.#starts.length && (this.#starts[index] ?? Infinity) <= last;
  }

  #insert(first: number, last: number): void {
    const index = this.#firstEndingFrom(first);
    // Maps list their ranges in order, so nearly every range goes at the end: no splice then.
    if (index === this.#starts.length) {
      this.#starts.push(first);
      this.#ends.push(last);
      return;
    }
    this.#starts.splice(index, 0, first);
    this.#ends.splice(index, 0, last);
  }
}
