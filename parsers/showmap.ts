// `showmap` (openmosix-tools 0.3.6, [X] real-captures/): the kernel's node map as a table, node
// numbers in hex, `alias` in the Count column for an alias address:
//   My Node-Id: 0x0105
//
//   Base Node-Id Address          Count
//   ------------ ---------------- -----
//   0x0001       10.0.2.1         8
//   0x0003       10.0.9.9         alias

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { MAX_LINE, overlongLineWarning, quote, splitLineTexts, words } from './util/lines.js';
import { isBlankText } from './util/whitespace.js';
import { MAX_NODE_ID, readInt } from './util/numbers.js';
import { validated } from './util/validate.js';
import { addressProblem } from './setpe/nodeMap.js';

const NodeId = z.number().int().min(1).max(MAX_NODE_ID);

export const ShowmapSchema = z.object({
  localNode: NodeId.nullable(),
  entries: z.array(
    z.object({
      base: NodeId,
      address: z.string(),
      /** Nodes in the range; null for an alias row. */
      count: z.number().int().min(1).max(MAX_NODE_ID).nullable(),
      alias: z.boolean(),
    }),
  ),
});
export type Showmap = z.infer<typeof ShowmapSchema>;

/** `0x0105` → 261; null unless it is 0x and 1-4 hex digits naming a node. */
function readHexNode(text: string): number | null {
  if (!/^0x[0-9a-f]{1,4}$/i.test(text)) return null;
  const value = Number.parseInt(text.slice(2), 16);
  return value >= 1 && value <= MAX_NODE_ID ? value : null;
}

export function parseShowmap(text: string): ParseResult<Showmap> {
  const lines = splitLineTexts(text);
  if (lines.every(isBlankText)) return failed(0, 'expected showmap output, got empty input', 'empty');
  const value: Showmap = { localNode: null, entries: [] };
  const warnings: ParseWarning[] = [];
  let inTable = false;
  for (const [index, line] of lines.entries()) {
    if (isBlankText(line)) continue;
    if (line.length > MAX_LINE.ONE_LINE) {
      warnings.push(overlongLineWarning(index + 1, line.length, MAX_LINE.ONE_LINE));
      continue;
    }
    const w = words(line);
    const joined = w.join(' ');
    if (/^My Node-Id: \S+$/i.test(joined)) {
      value.localNode = readHexNode(w[2] ?? '');
      if (value.localNode === null) return failed(index + 1, `expected a node id like 0x0105, got ${quote(w[2] ?? '')}`);
    } else if (/^Base Node-Id Address Count$/i.test(joined) || /^-+ -+ -+$/.test(joined)) {
      inTable = true;
    } else if (inTable) {
      const problem = readEntry(w, value);
      if (problem !== null) return failed(index + 1, problem);
    } else {
      warnings.push({ line: index + 1, message: `ignored unrecognised line ${quote(line)}` });
    }
  }
  if (value.localNode === null && value.entries.length === 0) {
    return failed(0, 'expected "My Node-Id: 0xNNNN" and the map table, got neither');
  }
  return validated(ShowmapSchema, value, warnings);
}

function readEntry(w: readonly string[], value: Showmap): string | null {
  const base = readHexNode(w[0] ?? '');
  const address = w[1] ?? '';
  const countText = w[2] ?? '';
  if (w.length !== 3 || base === null) return `expected "0xNNNN ADDRESS COUNT", got ${quote(w.join(' '))}`;
  const problem = addressProblem(address);
  if (problem !== null) return `expected an address, got ${quote(address)} (${problem})`;
  const alias = countText.toLowerCase() === 'alias';
  const count = alias ? null : readInt(countText, { min: 1, max: MAX_NODE_ID });
  if (!alias && count === null) return `expected a node count or "alias", got ${quote(countText)}`;
  value.entries.push({ base, address, count, alias });
  return null;
}
