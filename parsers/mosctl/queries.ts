// mosctl's one-line numeric queries. Verified ([C]) captures:
//   speed=26842.                            (mosctl getspeed 266)
//   free memory = 217960448 of 234815488    (mosctl getmem 266, bytes)
//   yes                                     (mosctl isup)
// Reconstructed ([I], parsers/FORMATS.md): `load=153`, `util=87%`, getfree like getmem, `no`.

import { z } from 'zod';
import type { ParseResult } from '../result.js';
import { quote } from '../util/lines.js';
import { group, readDecimal, readInt } from '../util/numbers.js';
import { readSingleLine } from './singleLine.js';

const Bytes = z.number().int().nonnegative();

export const MosctlLoadSchema = z.object({ load: z.number().nonnegative() });
export type MosctlLoad = z.infer<typeof MosctlLoadSchema>;
export const MosctlSpeedSchema = z.object({ speed: z.number().int().nonnegative() });
export type MosctlSpeed = z.infer<typeof MosctlSpeedSchema>;
export const MosctlMemorySchema = z.object({ freeBytes: Bytes, totalBytes: Bytes });
export type MosctlMemory = z.infer<typeof MosctlMemorySchema>;
export const MosctlUtilSchema = z.object({ util: z.number().nonnegative() });
export type MosctlUtil = z.infer<typeof MosctlUtilSchema>;
export const MosctlIsupSchema = z.object({ up: z.boolean() });
export type MosctlIsup = z.infer<typeof MosctlIsupSchema>;

export function parseMosctlGetload(text: string): ParseResult<MosctlLoad> {
  return readSingleLine(text, {
    schema: MosctlLoadSchema,
    expected: '"load=N"',
    pattern: /^load\s*=\s*(\S+?)\.?$/i,
    read: (match) => {
      const load = readDecimal(group(match, 1), { min: 0 });
      return load === null ? `expected a load (a number), got ${quote(group(match, 1))}` : { load };
    },
  });
}

export function parseMosctlGetspeed(text: string): ParseResult<MosctlSpeed> {
  return readSingleLine(text, {
    schema: MosctlSpeedSchema,
    expected: '"speed=N."',
    pattern: /^speed\s*=\s*(\S+?)\.?$/i,
    read: (match) => {
      const speed = readInt(group(match, 1), { min: 0 });
      return speed === null ? `expected a speed (a whole number), got ${quote(group(match, 1))}` : { speed };
    },
  });
}

/** `mosctl getmem`: free memory as openMosix believes it, in bytes. */
export function parseMosctlGetmem(text: string): ParseResult<MosctlMemory> {
  return readMemory(text);
}

/** `mosctl getfree`: free physical memory, same shape as getmem. */
export function parseMosctlGetfree(text: string): ParseResult<MosctlMemory> {
  return readMemory(text);
}

function readMemory(text: string): ParseResult<MosctlMemory> {
  return readSingleLine(text, {
    schema: MosctlMemorySchema,
    expected: '"free memory = FREE of TOTAL"',
    pattern: /^free memory\s*=\s*(\S+)\s+of\s+(\S+)$/i,
    read: (match, warn) => {
      const freeBytes = readInt(group(match, 1), { min: 0 });
      if (freeBytes === null) return `expected free memory in bytes, got ${quote(group(match, 1))}`;
      const totalBytes = readInt(group(match, 2), { min: 0 });
      if (totalBytes === null) return `expected total memory in bytes, got ${quote(group(match, 2))}`;
      if (freeBytes > totalBytes) warn(`free memory ${freeBytes} exceeds the total ${totalBytes}`);
      return { freeBytes, totalBytes };
    },
  });
}

export function parseMosctlGetutil(text: string): ParseResult<MosctlUtil> {
  return readSingleLine(text, {
    schema: MosctlUtilSchema,
    expected: '"util=N%"',
    pattern: /^util\s*=\s*(\S+?)\s*%?$/i,
    read: (match) => {
      const util = readDecimal(group(match, 1), { min: 0 });
      return util === null ? `expected a utilisation percentage, got ${quote(group(match, 1))}` : { util };
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
