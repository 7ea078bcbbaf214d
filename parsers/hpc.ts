// /proc/hpc files of openMosix 2.4: each holds one ASCII integer and a newline.
//   /proc/hpc/nodes/266/speed   26842
//   /proc/hpc/nodes/407/load    -101        (negative = unavailable; -101 = down/unreachable)
//   /proc/hpc/admin/stay        0
// mem, rmem and tmem count 4 KiB pages (mosctl getmem prints pages × 4096). The callers read the
// files; these functions only read their contents.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed, parsed } from './result.js';
import { nonBlankLines, quote, trailingTextWarning } from './util/lines.js';
import { readInt } from './util/numbers.js';
import { validated } from './util/validate.js';

/** The value /proc/hpc shows for a node that is configured but down or unreachable (-ENETUNREACH). */
export const HPC_NODE_DOWN = -101;
export const HPC_PAGE_BYTES = 4096;

export const HPC_NODE_FILES = ['load', 'speed', 'mem', 'rmem', 'tmem', 'cpus', 'util', 'status'] as const;
export type HpcNodeFile = (typeof HPC_NODE_FILES)[number];

const Count = z.number().int().nonnegative().nullable();
export const HpcNodeSchema = z.object({
  up: z.boolean(),
  load: Count,
  speed: Count,
  /** Free memory as openMosix believes it (`mem`). */
  memFreeBytes: Count,
  /** Free memory as Linux believes it (`rmem`). */
  memPhysFreeBytes: Count,
  memTotalBytes: Count,
  cpus: Count,
  util: Count,
  /** The raw `status` bitmask; its bit meanings in openMosix 2.4 are unconfirmed. */
  statusBits: Count,
});
export type HpcNode = z.infer<typeof HpcNodeSchema>;

/** One /proc/hpc integer. Negative values are returned as they are: the caller decides. */
export function parseHpcInt(text: string): ParseResult<number> {
  const [first, ...rest] = nonBlankLines(text);
  if (first === undefined) return failed(0, 'expected an integer, got empty input', 'empty');
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

/**
 * One node from the contents of its /proc/hpc/nodes/N files (any subset). A file that does not
 * hold an integer (they can be caught mid-update) becomes null with a warning, never an error.
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
  const values = Object.values(raw);
  const down = values.includes(HPC_NODE_DOWN);
  const available = (name: HpcNodeFile): number | null => {
    const value = raw[name];
    return value === undefined || value < 0 ? null : value;
  };
  const pages = (name: HpcNodeFile): number | null => {
    const count = available(name);
    const bytes = count === null ? null : count * HPC_PAGE_BYTES;
    if (bytes !== null && !Number.isSafeInteger(bytes)) {
      warnings.push({ line: 1, message: `${name}: ${count} pages is too large to count in bytes` });
      return null;
    }
    return bytes;
  };
  const node: HpcNode = {
    up: !down && values.some((value) => value >= 0),
    load: available('load'),
    speed: available('speed'),
    memFreeBytes: pages('mem'),
    memPhysFreeBytes: pages('rmem'),
    memTotalBytes: pages('tmem'),
    cpus: available('cpus'),
    util: available('util'),
    statusBits: available('status'),
  };
  return validated(HpcNodeSchema, node, warnings);
}
