// mosctl's per-node identity and state answers:
//   This is MOSIX #261                       (mosctl whois, [C]: the word is MOSIX, not openMosix)
//   MOSIX #266 is at 10.0.1.10               (mosctl whois 266, [I])
//   Node #266 is up, stay=0 lstay=0 block=0 quiet=0   (mosctl status 266, [I]; flags optional)
// `Node #999 is not configured` ([C]) and `Node #407 is not up` come back as typed errors.

import { z } from 'zod';
import type { ParseResult } from '../result.js';
import { quote } from '../util/lines.js';
import { MAX_NODE_ID, group, readInt } from '../util/numbers.js';
import { readSingleLine } from './singleLine.js';

const NodeId = z.number().int().min(0).max(MAX_NODE_ID);

export const MosctlWhoisSchema = z.object({ node: NodeId, address: z.string().nullable() });
export type MosctlWhois = z.infer<typeof MosctlWhoisSchema>;

export const MosctlNodeFlagsSchema = z.object({
  stay: z.boolean().optional(),
  lstay: z.boolean().optional(),
  block: z.boolean().optional(),
  quiet: z.boolean().optional(),
});
export const MosctlStatusSchema = z.object({
  node: NodeId,
  state: z.enum(['up', 'down']),
  /** Only the flags the line names. */
  flags: MosctlNodeFlagsSchema,
});
export type MosctlStatus = z.infer<typeof MosctlStatusSchema>;

const FLAG_NAMES = ['stay', 'lstay', 'block', 'quiet'] as const;
type FlagName = (typeof FLAG_NAMES)[number];

function readNode(text: string): number | string {
  return readInt(text, { min: 0, max: MAX_NODE_ID }) ?? `expected a node number (0-${MAX_NODE_ID}), got ${quote(text)}`;
}

export function parseMosctlWhois(text: string): ParseResult<MosctlWhois> {
  return readSingleLine(text, {
    schema: MosctlWhoisSchema,
    expected: '"This is MOSIX #N" or "MOSIX #N is at ADDRESS"',
    pattern: /^(?:This is (?:open)?MOSIX #(\S+?)\.?|(?:open)?MOSIX #(\S+) is at (\S+?)\.?)$/i,
    read: (match) => {
      const node = readNode(group(match, 1) || group(match, 2));
      if (typeof node === 'string') return node;
      return { node, address: match[3] ?? null };
    },
  });
}

export function parseMosctlStatus(text: string): ParseResult<MosctlStatus> {
  return readSingleLine(text, {
    schema: MosctlStatusSchema,
    expected: '"Node #N is up" or "Node #N is down"',
    pattern: /^Node #(\S+) is (up|down)\b,?\s*(.*)$/i,
    read: (match, warn) => {
      const node = readNode(group(match, 1));
      if (typeof node === 'string') return node;
      const state = group(match, 2).toLowerCase() === 'up' ? 'up' : 'down';
      return { node, state, flags: readFlags(group(match, 3), warn) };
    },
  });
}

/** `stay=0 lstay=1 …` → booleans (non-zero = set); anything else is a warning. */
function readFlags(text: string, warn: (message: string) => void): Partial<Record<FlagName, boolean>> {
  const flags: Partial<Record<FlagName, boolean>> = {};
  for (const word of text.split(/[\s,]+/).filter((part) => part !== '')) {
    const match = /^(\w+)=(\d+)$/.exec(word);
    const name = FLAG_NAMES.find((flag) => flag === match?.[1]?.toLowerCase());
    if (match && name) flags[name] = Number(group(match, 2)) !== 0;
    else warn(`ignored unknown status field ${quote(word)}`);
  }
  return flags;
}
