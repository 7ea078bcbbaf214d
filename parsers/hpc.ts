// /proc/hpc files of openMosix 2.4 as the kernel writes them: one ASCII integer and a newline.
// What each holds ([L] the live 2-node cluster, [X] mosctl prints them unchanged):
//   nodes/N/load     57            openMosix load; -101 = the node is unreachable (-ENETUNREACH)
//   nodes/N/speed    29703
//   nodes/N/mem      122654720     free memory as openMosix counts it, in BYTES
//   nodes/N/rmem     106639360     free memory as Linux counts it, in bytes
//   nodes/N/tmem     134086656     total memory, in bytes
//   nodes/N/cpus     1
//   nodes/N/util     100           utilizability: percent of one CPU, summed over the CPUs
//   nodes/N/status   3             bits: 0x1 configured [S], 0x2 up, 0x4 stay, 0x8 lstay,
//                                  0x10 block, 0x20 quiet, 0x40 nomfs ([X] mosctl status)
//   admin/stay …     0 or 1;  admin/mospe: this node's number
// The callers read the files; these functions only read their contents.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed, parsed } from './result.js';
import { MAX_LINE, nonBlankLines, overlongLineMessage, quote, trailingTextWarning } from './util/lines.js';
import { readInt } from './util/numbers.js';
import { validated } from './util/validate.js';
import { ReportedFlagsSchema } from './nodeFlags.js';

/** The value /proc/hpc shows for a node that is configured but down or unreachable (-ENETUNREACH). */
export const HPC_NODE_DOWN = -101;

export const HPC_NODE_FILES = ['load', 'speed', 'mem', 'rmem', 'tmem', 'cpus', 'util', 'status'] as const;
export type HpcNodeFile = (typeof HPC_NODE_FILES)[number];

/** The bits of nodes/N/status. */
export const HPC_STATUS_BITS = { configured: 0x1, up: 0x2, stay: 0x4, lstay: 0x8, block: 0x10, quiet: 0x20, nomfs: 0x40 } as const;

const Count = z.number().int().nonnegative().nullable();
export const HpcFlagsSchema = ReportedFlagsSchema;
export type HpcFlags = z.infer<typeof HpcFlagsSchema>;

export const HpcNodeSchema = z
  .object({
    up: z.boolean(),
    load: Count,
    speed: Count,
    /** Free memory as openMosix counts it (`mem`), bytes. */
    memFreeBytes: Count,
    /** Free memory as Linux counts it (`rmem`), bytes. */
    memPhysFreeBytes: Count,
    memTotalBytes: Count,
    cpus: Count,
    /** Percent of one CPU, summed over the CPUs (up to 100 × cpus). */
    util: Count,
    /** The raw `status` bits; null when the file was not read. */
    statusBits: Count,
    /** The flags the status bits carry; null without them. */
    flags: HpcFlagsSchema.nullable(),
  })
  .refine((node) => node.memTotalBytes === null || ((node.memFreeBytes ?? 0) <= node.memTotalBytes && (node.memPhysFreeBytes ?? 0) <= node.memTotalBytes), {
    message: 'free memory cannot exceed the total',
  });
export type HpcNode = z.infer<typeof HpcNodeSchema>;

/** One /proc/hpc integer. Negative values are returned as they are: the caller decides. */
export function parseHpcInt(text: string): ParseResult<number> {
  const [first, ...rest] = nonBlankLines(text);
  if (first === undefined) return failed(0, 'expected an integer, got empty input', 'empty');
  if (first.text.length > MAX_LINE.ONE_LINE) return failed(first.number, overlongLineMessage(first.text.length, MAX_LINE.ONE_LINE));
  const value = readInt(first.text.trim());
  if (value === null) return failed(first.number, `expected an integer, got ${quote(first.text)}`);
  return parsed(value, rest.map(trailingTextWarning));
}

/** An admin toggle (stay, lstay, block, quiet…): 0 = off, anything positive = on. */
export function parseHpcAdminFlag(text: string): ParseResult<boolean> {
  const result = parseHpcInt(text);
  if (!result.ok) return result;
  if (result.value < 0) return failed(1, `expected 0 or 1, got ${result.value}`);
  const warnings = [...result.warnings];
  if (result.value > 1) warnings.push({ line: 1, message: `expected 0 or 1, got ${result.value}; read as on` });
  return parsed(result.value !== 0, warnings);
}

/** The flags in a status word. */
export function hpcStatusFlags(bits: number): HpcFlags {
  const on = (bit: number): boolean => (bits & bit) !== 0;
  const { stay, lstay, block, quiet, nomfs } = HPC_STATUS_BITS;
  return { stay: on(stay), lstay: on(lstay), block: on(block), quiet: on(quiet), nomfs: on(nomfs) };
}

/**
 * One node from the contents of its /proc/hpc/nodes/N files (any subset). A file that does not
 * hold an integer (they can be caught mid-update) becomes null with a warning, never an error;
 * so does a value that cannot be true (free memory above the total, util above the CPUs' 100 %).
 * The node is up when its status has the up bit (a live node's other files may read -101: a failed
 * reading, null here), or (status not read) when no file reads -101.
 */
export function parseHpcNode(files: Partial<Record<HpcNodeFile, string>>): ParseResult<HpcNode> {
  const present = HPC_NODE_FILES.filter((name) => files[name] !== undefined);
  if (present.length === 0) return failed(0, `expected at least one of ${HPC_NODE_FILES.join(', ')}, got none`, 'empty');
  const warnings: ParseWarning[] = [];
  const raw: Partial<Record<HpcNodeFile, number>> = {};
  for (const name of present) {
    const result = parseHpcInt(files[name] ?? '');
    if (result.ok) raw[name] = result.value;
    else warnings.push({ line: result.error.line, message: `${name}: ${result.error.message}` });
  }
  const unreachable = Object.values(raw).includes(HPC_NODE_DOWN);
  const available = (name: HpcNodeFile): number | null => {
    const value = raw[name];
    return value === undefined || value < 0 ? null : value;
  };
  const statusBits = available('status');
  // A live node's value files read -101 now and then (a failed remote reading); its status keeps the up bit.
  const up = statusBits === null ? !unreachable && Object.values(raw).some((value) => value >= 0) : (statusBits & HPC_STATUS_BITS.up) !== 0;
  const node: HpcNode = {
    up,
    load: available('load'),
    speed: available('speed'),
    memFreeBytes: available('mem'),
    memPhysFreeBytes: available('rmem'),
    memTotalBytes: available('tmem'),
    // 0 CPUs is a node still being configured: not known, rather than none.
    cpus: available('cpus') || null,
    util: available('util'),
    statusBits,
    flags: statusBits === null ? null : hpcStatusFlags(statusBits),
  };
  dropImpossible(node, warnings);
  return validated(HpcNodeSchema, node, warnings);
}

function dropImpossible(node: HpcNode, warnings: ParseWarning[]): void {
  const total = node.memTotalBytes;
  if (total !== null && node.memFreeBytes !== null && node.memFreeBytes > total) {
    warnings.push({ line: 0, message: `mem: ${node.memFreeBytes} bytes free is more than the ${total} in all; ignored` });
    node.memFreeBytes = null;
  }
  if (total !== null && node.memPhysFreeBytes !== null && node.memPhysFreeBytes > total) {
    warnings.push({ line: 0, message: `rmem: ${node.memPhysFreeBytes} bytes free is more than the ${total} in all; ignored` });
    node.memPhysFreeBytes = null;
  }
  if (node.util !== null && node.cpus !== null && node.util > node.cpus * 100) {
    warnings.push({ line: 0, message: `util: ${node.util}% is more than ${node.cpus} CPU(s) can give; ignored` });
    node.util = null;
  }
}
