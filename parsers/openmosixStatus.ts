// `setpe -r` (the node map the kernel holds), alone or as the body of the dyne:bolic init script's
// `openmosix status`, which prints its own preamble first. Real formats ([X] real-captures/, [L] the
// live cluster; printf formats from the binary):
//   openMosix: No map-file found.                              (init script preamble, tutorial)
//   openMosix: Falling back to autodiscovery mode using /usr/mosix/sbin/omdiscd
//   This is OpenMosix node #261
//   Network protocol: 2 (AF_INET)
//   OpenMosix range     1-8     begins at 10.0.2.1            ("OpenMosix range %5d-%-5d begins at %s")
//   OpenMosix range   266-266   begins at node266             (a host name when reverse lookup works)
//   OpenMosix range     1-2     begins at chaos-a000001       ([L]: node 2's address is not printed)
//   Node 3 has an alias: 10.0.9.9
//   Total configured: 11; 1 alias                             (counts nodes, not lines)
//   OpenMosix is currently disabled                           (exit 3)
//   Error: this is not OpenMosix!                             (exit 102)
// Lines are read word by word (never a backtracking pattern), and the map is bounded (setpe/nodeMap.ts).

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { MAX_LINE, lfText, lineEnd, overlongLineWarning, quote, words } from './util/lines.js';
import { skipWhitespace } from './util/whitespace.js';
import { MAX_NODE_ID, readInt } from './util/numbers.js';
import { isValid, validatedAsBuiltBy } from './util/validate.js';
import { NodeMap, addressProblem } from './setpe/nodeMap.js';
import { ipv4Value } from './util/ipv4.js';
import { type RangeLine, scanRangeLine } from './setpe/rangeLine.js';

export { MAX_MAP_NODES } from './setpe/nodeMap.js';

const NodeIdSchema = z.number().int().min(1).max(MAX_NODE_ID);

export const OpenMosixRangeSchema = z.object({ first: NodeIdSchema, last: NodeIdSchema, address: z.string() });
export type OpenMosixRange = z.infer<typeof OpenMosixRangeSchema>;

export const OpenMosixNodeSchema = z.object({
  id: NodeIdSchema,
  /** IPv4 (consecutive over a range), a host name, or null when the map does not say. */
  address: z.string().nullable(),
});
export type OpenMosixNode = z.infer<typeof OpenMosixNodeSchema>;

export const OpenMosixAliasSchema = z.object({ node: NodeIdSchema, address: z.string() });

export const OpenMosixStatusSchema = z.object({
  running: z.boolean(),
  /** `OpenMosix is currently disabled`: the kernel has openMosix, switched off. */
  disabled: z.boolean(),
  localNode: NodeIdSchema.nullable(),
  protocol: z.object({ number: z.number().int().nonnegative(), name: z.string() }).nullable(),
  mapFile: z.string().nullable(),
  autodiscovery: z.boolean(),
  discoveryDaemon: z.string().nullable(),
  ranges: z.array(OpenMosixRangeSchema),
  /** Every configured node, ranges expanded over consecutive addresses. */
  nodes: z.array(OpenMosixNodeSchema),
  aliases: z.array(OpenMosixAliasSchema),
  totalConfigured: z.number().int().nonnegative().nullable(),
  aliasCount: z.number().int().nonnegative().nullable(),
});
export type OpenMosixStatus = z.infer<typeof OpenMosixStatusSchema>;

/** OpenMosixStatusSchema without the ranges and the nodes, which `isValidStatus` reads in place. */
const StatusHeadSchema = OpenMosixStatusSchema.omit({ ranges: true, nodes: true });

/**
 * Accepts only what OpenMosixStatusSchema accepts. zod's compiled check of a 1,000-node map's
 * ranges and expanded nodes was a fifth of the parse (bench 1: 0.11 of 0.54 ms); these are read in
 * place here, each a plain object whose fields (read as zod reads them) hold what the schema asks.
 * Anything else (another prototype, a missing field) is refused, and the caller's schema decides.
 */
export function isValidStatus(value: OpenMosixStatus): boolean {
  return isValid(StatusHeadSchema, value) && everyPlain(value.ranges, isRange) && everyPlain(value.nodes, isNode);
}

function everyPlain(items: unknown, check: (item: Record<string, unknown>) => boolean): boolean {
  if (!Array.isArray(items)) return false;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Object.getPrototypeOf(item) !== Object.prototype) return false;
    if (!check(item as Record<string, unknown>)) return false;
  }
  return true;
}

function isRange(range: Record<string, unknown>): boolean {
  return isNodeId(range.first) && isNodeId(range.last) && typeof range.address === 'string';
}

function isNode(node: Record<string, unknown>): boolean {
  return isNodeId(node.id) && (node.address === null || typeof node.address === 'string');
}

function isNodeId(id: unknown): boolean {
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_NODE_ID;
}

interface StatusDraft {
  readonly status: Omit<OpenMosixStatus, 'running' | 'nodes'>;
  readonly map: NodeMap;
  notOpenMosix: boolean;
  total: { line: number } | null;
  bodyLines: number;
}

/** An error message for the line, or null when it was read (maybe with a warning). */
type LineOutcome = string | null;

/** Parses `setpe -r` or `openmosix status`; unknown lines (other init-script chatter) become warnings. */
export function parseOpenMosixStatus(text: string): ParseResult<OpenMosixStatus> {
  const source = lfText(text);
  const draft: StatusDraft = {
    status: {
      disabled: false, localNode: null, protocol: null, mapFile: null, autodiscovery: false, discoveryDaemon: null,
      ranges: [], aliases: [], totalConfigured: null, aliasCount: null,
    },
    map: new NodeMap(), notOpenMosix: false, total: null, bodyLines: 0,
  };
  const warnings: ParseWarning[] = [];
  // Lines are walked by position in the text; only a line that is not a plain range line is cut out.
  let first: { index: number; text: string } | null = null;
  for (let index = 0, start = 0, end = 0; start <= source.length; index += 1, start = end + 1) {
    end = lineEnd(source, start);
    if (skipWhitespace(source, start, end) === end) continue;
    first ??= { index, text: source.slice(start, end) };
    if (end - start > MAX_LINE.ONE_LINE) {
      warnings.push(overlongLineWarning(index + 1, end - start, MAX_LINE.ONE_LINE));
      continue;
    }
    // Range lines (one per node under autodiscovery) are read without cutting them into words.
    const range = scanRangeLine(source, start, end);
    if (range !== null) draft.bodyLines += 1;
    const problem = range === null ? readLine(words(source.slice(start, end)), index + 1, draft, warnings) : addRange(range, index + 1, draft, warnings);
    if (problem !== null) return failed(index + 1, problem);
  }
  if (first === null) return failed(0, 'expected openmosix status output, got empty input', 'empty');
  if (draft.bodyLines === 0) {
    return failed(first.index + 1, `expected "This is OpenMosix node #N" or "Error: this is not OpenMosix!", got ${quote(first.text)}`);
  }
  return validatedAsBuiltBy(OpenMosixStatusSchema, isValidStatus, finish(draft, warnings), warnings);
}

function lower(word: string | undefined): string {
  return (word ?? '').toLowerCase();
}

/** Reads one line's words into the draft. */
function readLine(w: readonly string[], lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]): LineOutcome {
  const first = lower(w[0]);
  if (first === 'openmosix:' && readPreamble(w, draft)) return null;
  // "Node 3 has an alias: …" has the node number second, so it is told by its third word.
  const body = first === 'node' && lower(w[2]) === 'has' ? readAlias : BODY_LINES.get(`${first} ${lower(w[1])}`);
  if (body === undefined) {
    warnings.push({ line: lineNumber, message: `ignored unrecognised line ${quote(w.join(' '))}` });
    return null;
  }
  draft.bodyLines += 1;
  return body(w, lineNumber, draft, warnings);
}

type BodyReader = (w: readonly string[], lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]) => LineOutcome;

const BODY_LINES: ReadonlyMap<string, BodyReader> = new Map(Object.entries({
  'this is': (w, _line, draft) => {
    const shape = w.length === 5 && lower(w[2]) === 'openmosix' && lower(w[3]) === 'node' && (w[4] ?? '').startsWith('#');
    if (!shape) return `expected "This is OpenMosix node #N", got ${quote(w.join(' '))}`;
    draft.status.localNode = readNodeId(w[4]?.slice(1));
    return draft.status.localNode === null ? `expected a node number after "node #", got ${quote(w[4]?.slice(1) ?? '')}` : null;
  },
  'network protocol:': (w, _line, draft) => {
    const number = readInt(w[2] ?? '', { min: 0, max: 65535 });
    const name = /^\((\w+)\)$/.exec(w[3] ?? '')?.[1];
    if (w.length !== 4 || number === null || name === undefined) return `expected "Network protocol: N (NAME)", got ${quote(w.join(' '))}`;
    draft.status.protocol = { number, name };
    return null;
  },
  'openmosix range': readRange,
  'total configured:': readTotal,
  'openmosix is': (w, _line, draft) => {
    if (w.length !== 4 || lower(w[2]) !== 'currently' || lower(w[3]) !== 'disabled') return `expected "OpenMosix is currently disabled", got ${quote(w.join(' '))}`;
    draft.status.disabled = true;
    return null;
  },
  'error: this': (w, _line, draft) => {
    if (!/^error: this is not openmosix!?$/.test(w.join(' ').toLowerCase())) return `expected "Error: this is not OpenMosix!", got ${quote(w.join(' '))}`;
    draft.notOpenMosix = true;
    return null;
  },
} satisfies Record<string, BodyReader>));

function readNodeId(text: string | undefined): number | null {
  return readInt(text ?? '', { min: 1, max: MAX_NODE_ID });
}

/** `OpenMosix range FIRST-LAST begins at ADDRESS` */
function readRange(w: readonly string[], lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]): LineOutcome {
  const span = w[2] ?? '';
  const address = w[5] ?? '';
  if (w.length !== 6 || lower(w[3]) !== 'begins' || lower(w[4]) !== 'at') {
    return `expected "OpenMosix range FIRST-LAST begins at ADDRESS", got ${quote(w.join(' '))}`;
  }
  const dash = span.indexOf('-');
  const firstText = dash < 0 ? span : span.slice(0, dash);
  const first = readNodeId(firstText);
  if (first === null) return `expected a first node number (1-${MAX_NODE_ID}), got ${quote(firstText)}`;
  const lastText = dash < 0 ? '' : span.slice(dash + 1);
  const last = readNodeId(lastText);
  if (last === null || last < first) return `expected a last node number from ${first} to ${MAX_NODE_ID}, got ${quote(lastText)}`;
  return addRange({ first, last, address }, lineNumber, draft, warnings);
}

/** A range line's values, read word by word or by `scanRangeLine`, into the map. */
function addRange({ first, last, address }: RangeLine, lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]): LineOutcome {
  // The address is read as IPv4 once, here; the map counts nodes' addresses up from its value.
  const base = ipv4Value(address);
  const problem = base === null ? addressProblem(address) : null;
  if (problem !== null) return `expected an address or host name after "begins at", got ${quote(address)} (${problem})`;
  const added = draft.map.add(first, last, address, base);
  if (added === 'overlap') {
    warnings.push({ line: lineNumber, message: `ignored range ${first}-${last}: it repeats nodes of an earlier range` });
    return null;
  }
  if (added !== null) return added;
  draft.status.ranges.push({ first, last, address });
  return null;
}

/** `Node 3 has an alias: 10.0.9.9` */
function readAlias(w: readonly string[], lineNumber: number, draft: StatusDraft, warnings: ParseWarning[]): LineOutcome {
  const node = readNodeId(w[1]);
  const address = w[5] ?? '';
  if (w.length !== 6 || node === null || lower(w[3]) !== 'an' || lower(w[4]) !== 'alias:') {
    return `expected "Node N has an alias: ADDRESS", got ${quote(w.join(' '))}`;
  }
  const problem = addressProblem(address);
  if (problem !== null) return `expected an alias address, got ${quote(address)} (${problem})`;
  if (!draft.map.has(node)) warnings.push({ line: lineNumber, message: `alias for node #${node}, which no range lists` });
  draft.status.aliases.push({ node, address });
  return null;
}

/** `Total configured: 4` or `Total configured: 11; 1 alias` (`2 aliases`). */
function readTotal(w: readonly string[], lineNumber: number, draft: StatusDraft): LineOutcome {
  const countText = w[2] ?? '';
  const withAliases = countText.endsWith(';');
  const total = readInt(withAliases ? countText.slice(0, -1) : countText, { min: 0 });
  if (total === null) return `expected a node count after "Total configured:", got ${quote(countText)}`;
  const aliases = withAliases ? readInt(w[3] ?? '', { min: 0 }) : null;
  const aliasWordOk = /^alias(?:es)?$/i.test(w[4] ?? '');
  if (withAliases ? w.length !== 5 || aliases === null || !aliasWordOk : w.length !== 3) {
    return `expected "Total configured: N" or "Total configured: N; M alias", got ${quote(w.join(' '))}`;
  }
  draft.status.totalConfigured = total;
  draft.status.aliasCount = aliases;
  draft.total = { line: lineNumber };
  return null;
}

function readPreamble(w: readonly string[], draft: StatusDraft): boolean {
  const rest = w.slice(1).join(' ');
  if (/^No map-file found\.?$/i.test(rest)) return true;
  const map = /^Using map file (\S+)$/i.exec(rest);
  if (map) {
    draft.status.mapFile = map[1] ?? null;
    return true;
  }
  const discovery = /^Falling back to autodiscovery mode using (\S+)$/i.exec(rest);
  if (discovery) {
    draft.status.autodiscovery = true;
    draft.status.discoveryDaemon = discovery[1] ?? null;
    return true;
  }
  return false;
}

function finish(draft: StatusDraft, warnings: ParseWarning[]): OpenMosixStatus {
  const { status, map, total } = draft;
  if (total !== null && status.totalConfigured !== map.nodes.length) {
    warnings.push({
      line: total.line,
      message: `expected "Total configured" to match the ${map.nodes.length} node(s) in the ranges, got ${status.totalConfigured ?? 0}`,
    });
  }
  if (total !== null && (status.aliasCount ?? 0) !== status.aliases.length) {
    warnings.push({ line: total.line, message: `expected ${status.aliases.length} alias(es) as listed, got ${status.aliasCount ?? 0}` });
  }
  const running = !draft.notOpenMosix && !status.disabled && (status.localNode !== null || status.ranges.length > 0);
  // Keys in schema order: the value is returned as built, not as zod's copy.
  return {
    running, disabled: status.disabled, localNode: status.localNode, protocol: status.protocol, mapFile: status.mapFile,
    autodiscovery: status.autodiscovery, discoveryDaemon: status.discoveryDaemon, ranges: status.ranges, nodes: map.nodes,
    aliases: status.aliases, totalConfigured: status.totalConfigured, aliasCount: status.aliasCount,
  };
}
