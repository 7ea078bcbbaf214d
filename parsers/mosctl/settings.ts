// mosctl's tuning queries, all reconstructed ([I], parsers/FORMATS.md):
//   yard=pentium3                         (mosctl getyard)
//   interval=1 slow=975 fast=926          (mosctl getdecay; slow/fast are per mille)
//   mfs_threshold=16                      (mosctl gettune: zero or more name=value lines)

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { classifyToolError } from '../toolErrors.js';
import { nonBlankLines, quote } from '../util/lines.js';
import { group, readDecimal, readInt } from '../util/numbers.js';
import { validated } from '../util/validate.js';
import { readSingleLine } from './singleLine.js';

export const MosctlYardSchema = z.object({ yard: z.string() });
export type MosctlYard = z.infer<typeof MosctlYardSchema>;

const PerMille = z.number().int().min(0).max(1000);
export const MosctlDecaySchema = z.object({ intervalSeconds: z.number().int().nonnegative(), slow: PerMille, fast: PerMille });
export type MosctlDecay = z.infer<typeof MosctlDecaySchema>;

export const MosctlTuneSchema = z.object({ values: z.record(z.string(), z.number()) });
export type MosctlTune = z.infer<typeof MosctlTuneSchema>;

export function parseMosctlGetyard(text: string): ParseResult<MosctlYard> {
  return readSingleLine(text, {
    schema: MosctlYardSchema,
    expected: '"yard=NAME"',
    pattern: /^yard\s*=\s*(.*)$/i,
    read: (match) => ({ yard: group(match, 1).trim() }),
  });
}

export function parseMosctlGetdecay(text: string): ParseResult<MosctlDecay> {
  return readSingleLine(text, {
    schema: MosctlDecaySchema,
    expected: '"interval=N slow=N fast=N"',
    pattern: /^interval\s*=\s*(\S+)\s+slow\s*=\s*(\S+)\s+fast\s*=\s*(\S+)$/i,
    read: (match) => {
      const intervalSeconds = readInt(group(match, 1), { min: 0 });
      if (intervalSeconds === null) return `expected an interval in seconds, got ${quote(group(match, 1))}`;
      const slow = readInt(group(match, 2), { min: 0, max: 1000 });
      if (slow === null) return `expected a slow decay (0-1000 per mille), got ${quote(group(match, 2))}`;
      const fast = readInt(group(match, 3), { min: 0, max: 1000 });
      if (fast === null) return `expected a fast decay (0-1000 per mille), got ${quote(group(match, 3))}`;
      return { intervalSeconds, slow, fast };
    },
  });
}

/** Every `name=value` line; lines of another shape are warnings, since the real format is unknown. */
export function parseMosctlGettune(text: string): ParseResult<MosctlTune> {
  const toolError = classifyToolError(text);
  if (toolError) return { ok: false, error: toolError };
  const values = new Map<string, number>();
  const warnings: ParseWarning[] = [];
  for (const line of nonBlankLines(text)) {
    const match = /^([\w.-]+)\s*=\s*(\S+)$/.exec(line.text.trim());
    const value = match ? readDecimal(group(match, 2)) : null;
    // `__proto__` cannot be a plain object key, so it is reported instead of silently lost.
    if (match && value !== null && group(match, 1) !== '__proto__') values.set(group(match, 1), value);
    else warnings.push({ line: line.number, message: `expected "name=number", got ${quote(line.text)}` });
  }
  if (values.size === 0 && warnings.length > 0) {
    const first = warnings[0];
    return failed(first?.line ?? 0, first?.message ?? 'expected "name=number" lines');
  }
  return validated(MosctlTuneSchema, { values: Object.fromEntries(values) }, warnings);
}
