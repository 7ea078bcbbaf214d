// mosctl's per-node identity and state answers, as the real 0.3.6 binary prints them ([X], [L]):
//   This is openMosix #261          (mosctl whois: this node; older MOSIX prints `This is MOSIX #32` [S])
//   10.0.1.151                      (mosctl whois 407: the node's address alone)
//   node266 is openMosix #266       (mosctl whois node266, by host name)
//   10.0.1.2 is openMosix #258      (mosctl whois 10.0.1.2, by address)
//   up.   down.   up,stay,lstay,block,quiet,nomfs.     (mosctl status N: only the flags that are
//                                   set are listed, so an unlisted flag is off; no node number)
// `Node #999 is not configured`, `Node at 10.0.1.99 is not configured` and `Error: Network is
// unreachable` come back as typed errors (parsers/toolErrors.ts).

import { z } from 'zod';
import type { ParseResult } from '../result.js';
import { quote } from '../util/lines.js';
import { isHostName, isIpv4 } from '../util/ipv4.js';
import { MAX_NODE_ID, group, readInt } from '../util/numbers.js';
import { readSingleLine } from './singleLine.js';
import { noNodeFlags, REPORTED_FLAGS, ReportedFlagsSchema } from '../nodeFlags.js';

const NodeId = z.number().int().min(0).max(MAX_NODE_ID);
const Ipv4 = z.string().refine(isIpv4, { message: 'not an IPv4 address' });
const HostName = z.string().refine(isHostName, { message: 'not a host name' });

export const MosctlWhoisSchema = z.object({
  /** null when the answer is the address alone (`whois N`: the caller knows N). */
  node: NodeId.nullable(),
  address: Ipv4.nullable(),
  /** The host name asked about (`whois node266`), when it is not an address. */
  host: HostName.nullable(),
});
export type MosctlWhois = z.infer<typeof MosctlWhoisSchema>;

/** The flags `mosctl status` can list, in the order the binary prints them. */
export const MOSCTL_STATUS_FLAGS = REPORTED_FLAGS;
export type MosctlStatusFlag = (typeof MOSCTL_STATUS_FLAGS)[number];

export const MosctlStatusSchema = z.object({
  state: z.enum(['up', 'down']),
  /** Every flag: listed = on, not listed = off. */
  flags: ReportedFlagsSchema,
});
export type MosctlStatus = z.infer<typeof MosctlStatusSchema>;

function readNode(text: string): number | string {
  return readInt(text, { min: 0, max: MAX_NODE_ID }) ?? `expected a node number (0-${MAX_NODE_ID}), got ${quote(text)}`;
}

export function parseMosctlWhois(text: string): ParseResult<MosctlWhois> {
  return readSingleLine(text, {
    schema: MosctlWhoisSchema,
    expected: '"This is openMosix #N", an IPv4 address, or "NAME is openMosix #N"',
    pattern: /^(?:This is (?:open)?MOSIX #(\S+)|(\S+) is (?:open)?MOSIX #(\S+)|(\S+))$/i,
    read: (match) => {
      if (match[1] !== undefined) {
        const node = readNode(group(match, 1));
        return typeof node === 'string' ? node : { node, address: null, host: null };
      }
      if (match[2] !== undefined) {
        const node = readNode(group(match, 3));
        if (typeof node === 'string') return node;
        const name = group(match, 2);
        if (isIpv4(name)) return { node, address: name, host: null };
        return isHostName(name) ? { node, address: null, host: name } : `expected a host name or an IPv4 address, got ${quote(name)}`;
      }
      const address = group(match, 4);
      return isIpv4(address) ? { node: null, address, host: null } : `expected an IPv4 address, got ${quote(address)}`;
    },
  });
}

export function parseMosctlStatus(text: string): ParseResult<MosctlStatus> {
  return readSingleLine(text, {
    schema: MosctlStatusSchema,
    expected: '"up.", "down." or "up,FLAG,….": the state and the flags that are set',
    pattern: /^(up|down)((?:,[a-z]+)*)\.?$/i,
    read: (match, warn) => {
      const state = group(match, 1).toLowerCase() === 'up' ? 'up' : 'down';
      const flags = { ...noNodeFlags(), nomfs: false };
      for (const word of group(match, 2).split(',').slice(1)) {
        const name = MOSCTL_STATUS_FLAGS.find((flag) => flag === word.toLowerCase());
        if (name) flags[name] = true;
        else warn(`ignored unknown flag ${quote(word)}`);
      }
      return { state, flags };
    },
  });
}
