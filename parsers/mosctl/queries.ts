// mosctl's one-line numeric queries, as the real 0.3.6 binary prints them ([X] real-captures/,
// [L] the live 2-node cluster; the tutorial's getspeed and getmem agree):
//   load=153                                   (mosctl getload 266)
//   speed=26842.                               (mosctl getspeed 266; the dot is printed)
//   free memory = 217960448 of 234815488       (mosctl getmem 266: /proc/hpc mem and tmem, bytes)
//   raw free memory = 221212672 of 234815488   (mosctl getfree 266: rmem and tmem, bytes)
//   Utilizability = 87%                        (mosctl getutil 266)
//   Utilizability = 150% (of 200%)             (mosctl getutil 258: a node with 2 CPUs)
//   yes / no                                   (mosctl isup)
// A node that is down or not configured prints an error on stderr instead (parsers/toolErrors.ts).

import { z } from 'zod';
import type { ParseResult } from '../result.js';
import { quote } from '../util/lines.js';
import { group, readInt } from '../util/numbers.js';
import { readSingleLine } from './singleLine.js';

const Bytes = z.number().int().nonnegative();

export const MosctlLoadSchema = z.object({ load: z.number().int().nonnegative() });
export type MosctlLoad = z.infer<typeof MosctlLoadSchema>;
export const MosctlSpeedSchema = z.object({ speed: z.number().int().nonnegative() });
export type MosctlSpeed = z.infer<typeof MosctlSpeedSchema>;
export const MosctlMemorySchema = z.object({ freeBytes: Bytes, totalBytes: Bytes }).refine((memory) => memory.freeBytes <= memory.totalBytes, {
  message: 'free memory cannot exceed the total',
});
export type MosctlMemory = z.infer<typeof MosctlMemorySchema>;
export const MosctlUtilSchema = z
  .object({
    /** Utilizability as printed: percent of one CPU, summed over the node's CPUs. */
    util: z.number().int().nonnegative(),
    /** 100 × the CPUs (the `(of 200%)`; 100 when the line has none). */
    capacity: z.number().int().positive().multipleOf(100),
    cpus: z.number().int().positive(),
  })
  .refine((value) => value.util <= value.capacity && value.capacity === value.cpus * 100, { message: 'util must fit the capacity of the CPUs' });
export type MosctlUtil = z.infer<typeof MosctlUtilSchema>;
export const MosctlIsupSchema = z.object({ up: z.boolean() });
export type MosctlIsup = z.infer<typeof MosctlIsupSchema>;

/** No real node has more CPUs than this (openMosix 2.4: NR_CPUS is 32). */
const MAX_CPUS = 256;

export function parseMosctlGetload(text: string): ParseResult<MosctlLoad> {
  return readSingleLine(text, {
    schema: MosctlLoadSchema,
    expected: '"load=N"',
    pattern: /^load=(\S+)$/i,
    read: (match) => {
      const load = readInt(group(match, 1), { min: 0 });
      return load === null ? `expected a load (a whole number), got ${quote(group(match, 1))}` : { load };
    },
  });
}

export function parseMosctlGetspeed(text: string): ParseResult<MosctlSpeed> {
  return readSingleLine(text, {
    schema: MosctlSpeedSchema,
    expected: '"speed=N."',
    pattern: /^speed=([^\s.]+)\.?$/i,
    read: (match) => {
      const speed = readInt(group(match, 1), { min: 0 });
      return speed === null ? `expected a speed (a whole number), got ${quote(group(match, 1))}` : { speed };
    },
  });
}

/** `mosctl getmem`: free memory as openMosix counts it (`mem`), and the total (`tmem`), in bytes. */
export function parseMosctlGetmem(text: string): ParseResult<MosctlMemory> {
  return readMemory(text, '', /^free memory = (\S+) of (\S+)$/i);
}

/** `mosctl getfree`: free memory as Linux counts it (`rmem`), and the total, in bytes. */
export function parseMosctlGetfree(text: string): ParseResult<MosctlMemory> {
  return readMemory(text, 'raw ', /^raw free memory = (\S+) of (\S+)$/i);
}

function readMemory(text: string, prefix: string, pattern: RegExp): ParseResult<MosctlMemory> {
  return readSingleLine(text, {
    schema: MosctlMemorySchema,
    expected: `"${prefix}free memory = FREE of TOTAL"`,
    pattern,
    read: (match) => {
      const freeBytes = readInt(group(match, 1), { min: 0 });
      if (freeBytes === null) return `expected free memory in bytes, got ${quote(group(match, 1))}`;
      const totalBytes = readInt(group(match, 2), { min: 0 });
      if (totalBytes === null) return `expected total memory in bytes, got ${quote(group(match, 2))}`;
      if (freeBytes > totalBytes) return `expected free memory no larger than the total, got ${freeBytes} free of ${totalBytes}`;
      return { freeBytes, totalBytes };
    },
  });
}

export function parseMosctlGetutil(text: string): ParseResult<MosctlUtil> {
  return readSingleLine(text, {
    schema: MosctlUtilSchema,
    expected: '"Utilizability = N%" or "Utilizability = N% (of M%)"',
    pattern: /^Utilizability = (\S+?)%(?: \(of (\S+?)%\))?$/i,
    read: (match) => {
      const util = readInt(group(match, 1), { min: 0 });
      if (util === null) return `expected a utilizability percentage, got ${quote(group(match, 1))}`;
      const ofText = match[2];
      const capacity = ofText === undefined ? 100 : readInt(ofText, { min: 100, max: MAX_CPUS * 100 });
      if (capacity === null || capacity % 100 !== 0) {
        return `expected "(of N%)" with N = 100 × the CPUs, got ${quote(ofText ?? '')}`;
      }
      if (util > capacity) return `expected a utilizability up to ${capacity}%, got ${util}%`;
      return { util, capacity, cpus: capacity / 100 };
    },
  });
}

export function parseMosctlIsup(text: string): ParseResult<MosctlIsup> {
  return readSingleLine(text, {
    schema: MosctlIsupSchema,
    expected: '"yes" or "no"',
    pattern: /^(yes|no)$/i,
    read: (match) => ({ up: group(match, 1).toLowerCase() === 'yes' }),
  });
}
