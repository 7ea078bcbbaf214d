// `openmosix status` (the init script's preamble, then `setpe -r`'s configuration dump):
//   openMosix: No map-file found.
//   This is OpenMosix node #261
//   OpenMosix range     261-261     begins at 10.0.1.5
//   Total configured: 4
// Without an openMosix kernel the body is the single line `Error: this is not OpenMosix!`.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { quote, splitLineTexts } from './util/lines.js';
import { isBlankText } from './util/whitespace.js';
import { MAX_NODE_ID, group, readInt } from './util/numbers.js';
import { ipv4Plus } from './util/ipv4.js';
import { validatedAsBuilt } from './util/validate.js';

const NodeIdSchema = z.number().int().min(0).max(MAX_NODE_ID);

export const OpenMosixRangeSchema = z.object({ first: NodeIdSchema, last: NodeIdSchema, ip: z.string() });
export type OpenMosixRange = z.infer<typeof OpenMosixRangeSchema>;

export const OpenMosixNodeSchema = z.object({ id: NodeIdSchema, ip: z.string() });
export type OpenMosixNode = z.infer<typeof OpenMosixNodeSchema>;

export const OpenMosixStatusSchema = z.object({
  running: z.boolean(),
  localNode: NodeIdSchema.nullable(),
  protocol: z.object({ number: z.number().int().nonnegative(), name: z.string() }).nullable(),
  mapFile: z.string().nullable(),
  autodiscovery: z.boolean(),
  discoveryDaemon: z.string().nullable(),
  ranges: z.array(OpenMosixRangeSchema),
  /** Every configured node, ranges expanded over consecutive addresses. */
  nodes: z.array(OpenMosixNodeSchema),
  totalConfigured: z.number().int().nonnegative().nullable(),
});
export type OpenMosixStatus = z.infer<typeof OpenMosixStatusSchema>;

interface StatusDraft extends Omit<OpenMosixStatus, 'running' | 'totalConfigured'> {
  notOpenMosix: boolean;
  total: { value: number; line: number } | null;
  bodyLines: number;
}

/** A line that does not fit its own pattern: the message for the error. */
type LineOutcome = string | null;

const NODE_LINE = /^This is OpenMosix node #(\S+)$/i;
const PROTOCOL_LINE = /^Network protocol:\s*(\d+)\s*\((\w+)\)$/i;
const RANGE_LINE = /^OpenMosix range\s+(\S+?)-(\S+)\s+begins at\s+(\S+)$/i;
const TOTAL_LINE = /^Total configured:\s*(\S+)$/i;

/**
 * Reads a line that starts with one of the body prefixes (`prefix`, lower-cased). Each prefix has
 * its own pattern, so only that one is tried: 1,000-node clusters print 1,000 range lines.
 */
function readBodyLine(text: string, prefix: string, lineNumber: number, draft: StatusDraft): LineOutcome {
  let match: RegExpExecArray | null;
  if (prefix === 'this is openmosix node' && (match = NODE_LINE.exec(text))) {
    draft.localNode = readInt(group(match, 1), { min: 0, max: MAX_NODE_ID });
    return draft.localNode === null ? `expected a node number after "node #", got ${quote(group(match, 1))}` : null;
  }
  if (prefix === 'network protocol:') {
    if (!(match = PROTOCOL_LINE.exec(text))) return `expected "Network protocol: N (NAME)", got ${quote(text)}`;
    const number = readInt(group(match, 1), { min: 0, max: 65535 });
    if (number === null) return `expected a protocol number, got ${quote(group(match, 1))}`;
    draft.protocol = { number, name: group(match, 2) };
    return null;
  }
  if (prefix === 'openmosix range') {
    if ((match = RANGE_LINE.exec(text))) return readRange(match, draft);
    if (/^OpenMosix range\b/i.test(text)) return `expected "OpenMosix range FIRST-LAST begins at IP", got ${quote(text)}`;
  }
  if (prefix === 'total configured:' && (match = TOTAL_LINE.exec(text))) {
    const total = readInt(group(match, 1), { min: 0 });
    if (total === null) return `expected a node count after "Total configured:", got ${quote(group(match, 1))}`;
    draft.total = { value: total, line: lineNumber };
    return null;
  }
  return `expected an openmosix status line, got ${quote(text)}`;
}

function readRange(match: RegExpExecArray, draft: StatusDraft): LineOutcome {
  const first = readInt(group(match, 1), { min: 0, max: MAX_NODE_ID });
  const last = readInt(group(match, 2), { min: 0, max: MAX_NODE_ID });
  const ip = group(match, 3);
  if (first === null) return `expected a first node number (0-${MAX_NODE_ID}), got ${quote(group(match, 1))}`;
  if (last === null || last < first) return `expected a last node number from ${first} to ${MAX_NODE_ID}, got ${quote(group(match, 2))}`;
  const nodes: OpenMosixNode[] = [];
  for (let id = first; id <= last; id += 1) {
    const nodeIp = id === first ? ip : ipv4Plus(ip, id - first);
    if (nodeIp === null) return `expected an IPv4 address with room for ${last - first + 1} nodes, got ${quote(ip)}`;
    nodes.push({ id, ip: nodeIp });
  }
  draft.ranges.push({ first, last, ip });
  draft.nodes.push(...nodes);
  return null;
}

function readPreamble(text: string, draft: StatusDraft): boolean {
  let match: RegExpExecArray | null;
  if (/^openMosix: No map-file found\.?$/i.test(text)) return true;
  if ((match = /^openMosix: Using map file (\S+)$/i.exec(text))) {
    draft.mapFile = group(match, 1);
    return true;
  }
  if ((match = /^openMosix: Falling back to autodiscovery mode using (\S+)$/i.exec(text))) {
    draft.autodiscovery = true;
    draft.discoveryDaemon = group(match, 1);
    return true;
  }
  return false;
}

/** Parses `openmosix status`; unknown lines (other init-script chatter) become warnings. */
export function parseOpenMosixStatus(text: string): ParseResult<OpenMosixStatus> {
  const lines = splitLineTexts(text);
  const first = lines.findIndex((line) => !isBlankText(line));
  if (first < 0) return failed(0, 'expected openmosix status output, got empty input', 'empty');
  const draft: StatusDraft = {
    localNode: null, protocol: null, mapFile: null, autodiscovery: false, discoveryDaemon: null,
    ranges: [], nodes: [], notOpenMosix: false, total: null, bodyLines: 0,
  };
  const warnings: ParseWarning[] = [];
  for (let index = first; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isBlankText(line)) continue;
    const problem = readLine(line.trim(), index + 1, draft, warnings);
    if (problem !== null) return failed(index + 1, problem);
  }
  if (draft.bodyLines === 0) {
    return failed(first + 1, `expected "This is OpenMosix node #N" or "Error: this is not OpenMosix!", got ${quote(lines[first] ?? '')}`);
  }
  return validatedAsBuilt(OpenMosixStatusSchema, finish(draft, warnings), warnings);
}

const BODY_PREFIX = /^(This is OpenMosix node|Network protocol:|OpenMosix range|Total configured:)/i;

/** Reads one trimmed line into the draft; returns an error message, or null (maybe after a warning). */
function readLine(text: string, lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]): LineOutcome {
  // Every preamble pattern starts so; testing that first spares three patterns on each range line.
  if (/^openMosix:/i.test(text) && readPreamble(text, draft)) return null;
  if (/^Error: this is not OpenMosix!?$/i.test(text)) {
    draft.notOpenMosix = true;
    draft.bodyLines += 1;
    return null;
  }
  const known = BODY_PREFIX.exec(text);
  if (!known) {
    warnings.push({ line: lineNumber, message: `ignored unrecognised line ${quote(text)}` });
    return null;
  }
  draft.bodyLines += 1;
  return readBodyLine(text, group(known, 1).toLowerCase(), lineNumber, draft);
}

function finish(draft: StatusDraft, warnings: ParseWarning[]): OpenMosixStatus {
  const total = draft.total;
  if (total !== null && total.value !== draft.nodes.length) {
    warnings.push({
      line: total.line,
      message: `expected "Total configured" to match the ${draft.nodes.length} node(s) in the ranges, got ${total.value}`,
    });
  }
  const seen = new Set<number>();
  for (const node of draft.nodes) {
    if (seen.has(node.id)) warnings.push({ line: 0, message: `node #${node.id} appears in more than one range` });
    seen.add(node.id);
  }
  const running = !draft.notOpenMosix && (draft.localNode !== null || draft.ranges.length > 0);
  return {
    running,
    localNode: draft.localNode,
    protocol: draft.protocol,
    mapFile: draft.mapFile,
    autodiscovery: draft.autodiscovery,
    discoveryDaemon: draft.discoveryDaemon,
    ranges: draft.ranges,
    nodes: draft.nodes,
    totalConfigured: total?.value ?? null,
  };
}
