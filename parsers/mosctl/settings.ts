// mosctl's tuning queries, as the real 0.3.6 binary prints them ([X], [B]):
//   Yardstick speed currently set to 10000 (matching a PIII/1000 processor).        (getyard; the
//                                   word may also be `probably` or `close to` [B])
//   Decaying statistics of active processes occurs every 1 second.                  (getdecay)
//   Slow decay leaves 975/1000.
//   Fast decay leaves 926/1000.
//   ESC[1mOpenMosix Kernel Tuning Parameters (microseconds)ESC[0m:                  (gettune: a bold
//   <TAB>Home-node overhead in processing a demand-page  = 2000                       title, then rows
//                                                                                    "\t%-47s = %d")

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { classifyToolError } from '../toolErrors.js';
import { MAX_LINE, nonBlankLines, overlongLineMessage, overlongLineWarning, quote, trailingTextWarning } from '../util/lines.js';
import { group, readInt } from '../util/numbers.js';
import { validated } from '../util/validate.js';
import { readSingleLine } from './singleLine.js';

export const MosctlYardSchema = z.object({
  /** The yardstick: the speed of the reference CPU (10000 = a Pentium III at 1 GHz). */
  speed: z.number().int().positive(),
  /** How the binary words the match (`matching`, `probably`, `close to`); null when it names none. */
  match: z.string().nullable(),
  processor: z.string().nullable(),
});
export type MosctlYard = z.infer<typeof MosctlYardSchema>;

const PerMille = z.number().int().min(0).max(1000);
export const MosctlDecaySchema = z.object({ intervalSeconds: z.number().int().nonnegative(), slow: PerMille, fast: PerMille });
export type MosctlDecay = z.infer<typeof MosctlDecaySchema>;

export const MosctlTuneSchema = z.object({ title: z.string().nullable(), values: z.record(z.string(), z.number().int()) });
export type MosctlTune = z.infer<typeof MosctlTuneSchema>;

export function parseMosctlGetyard(text: string): ParseResult<MosctlYard> {
  return readSingleLine(text, {
    schema: MosctlYardSchema,
    expected: '"Yardstick speed currently set to N (matching a CPU processor)."',
    pattern: /^Yardstick speed currently set to (\S+?)(?: \((matching|probably|close to) an? ([^()]+) processor\))?\.$/i,
    read: (match) => {
      const speed = readInt(group(match, 1), { min: 1 });
      if (speed === null) return `expected a yardstick speed, got ${quote(group(match, 1))}`;
      return { speed, match: match[2] ?? null, processor: match[3] ?? null };
    },
  });
}

const DECAY_LINES = [
  { name: 'interval', pattern: /^Decaying statistics of active processes occurs every (\S+) seconds?\.$/i, max: undefined },
  { name: 'slow', pattern: /^Slow decay leaves (\S+?)\/1000\.$/i, max: 1000 },
  { name: 'fast', pattern: /^Fast decay leaves (\S+?)\/1000\.$/i, max: 1000 },
] as const;

export function parseMosctlGetdecay(text: string): ParseResult<MosctlDecay> {
  const toolError = classifyToolError(text);
  if (toolError) return { ok: false, error: toolError };
  const lines = nonBlankLines(text);
  if (lines.length === 0) return failed(0, 'expected the three getdecay lines, got empty input', 'empty');
  const values: number[] = [];
  for (const [index, expected] of DECAY_LINES.entries()) {
    const line = lines[index];
    if (line === undefined) return failed(0, `expected a line like ${quote(`${expected.name} …`)} after line ${lines[index - 1]?.number ?? 0}, got the end`);
    if (line.text.length > MAX_LINE.ONE_LINE) return failed(line.number, overlongLineMessage(line.text.length, MAX_LINE.ONE_LINE));
    const match = expected.pattern.exec(line.text.trim());
    const value = match ? readInt(group(match, 1), { min: 0, ...(expected.max === undefined ? {} : { max: expected.max }) }) : null;
    if (value === null) return failed(line.number, `expected the getdecay ${expected.name} line, got ${quote(line.text)}`);
    values.push(value);
  }
  const [intervalSeconds = 0, slow = 0, fast = 0] = values;
  return validated(MosctlDecaySchema, { intervalSeconds, slow, fast }, lines.slice(DECAY_LINES.length).map(trailingTextWarning));
}

/** The title line (its bold escapes are gone by now), then `name = number` rows. */
export function parseMosctlGettune(text: string): ParseResult<MosctlTune> {
  const toolError = classifyToolError(text);
  if (toolError) return { ok: false, error: toolError };
  const lines = nonBlankLines(text);
  if (lines.length === 0) return failed(0, 'expected the gettune title and rows, got empty input', 'empty');
  const values = new Map<string, number>();
  const warnings: ParseWarning[] = [];
  let title: string | null = null;
  for (const line of lines) {
    if (line.text.length > MAX_LINE.ONE_LINE) {
      warnings.push(overlongLineWarning(line.number, line.text.length, MAX_LINE.ONE_LINE));
      continue;
    }
    const row = readTuneRow(line.text);
    if (row !== null && row.name !== '__proto__') values.set(row.name, row.value);
    else if (title === null && values.size === 0 && /:$/.test(line.text.trim())) title = line.text.trim().replace(/:$/, '');
    else warnings.push({ line: line.number, message: `expected "name = number", got ${quote(line.text)}` });
  }
  if (values.size === 0) {
    const first = lines[0];
    return failed(first?.number ?? 0, `expected "name = number" rows, got ${quote(first?.text ?? '')}`);
  }
  return validated(MosctlTuneSchema, { title, values: Object.fromEntries(values) }, warnings);
}

/** `NAME = 123` split at its last `=`, without a regex over the name (it is free text). */
function readTuneRow(text: string): { name: string; value: number } | null {
  const equals = text.lastIndexOf('=');
  if (equals < 0) return null;
  const name = text.slice(0, equals).trim();
  const value = readInt(text.slice(equals + 1).trim());
  return name === '' || value === null ? null : { name, value };
}
