// `mps` (openMosix-patched procps 2.0 `ps`), columns found by header; NODE 0 = running at home:
//   PID TTY NODE STAT TIME COMMAND
//  1159 ?      0 S    0:00 /bin/sh render blacksmith-jpeg.blend 1 235 4
//  1166 ?    266 S    2:40 (blender)
// The 2.6 beta prints NODE -1 and lets STAT touch TIME: ` 4501  ?    -1 R N227:33 ./dnetc`.
// aux-style headers (USER, %CPU, %MEM, VSZ…) are read too; unknown columns land in `extra`.

import { z } from 'zod';
import { type ParseResult, failed } from './result.js';
import { type Line, isBlank, quote, splitLines } from './util/lines.js';
import { MAX_NODE_ID, MAX_PID, readDecimal, readInt } from './util/numbers.js';
import { cpuTimeSeconds } from './util/cpuTime.js';
import { type CellConversion, badCell, isParseError, readRows } from './util/rows.js';
import { type RowCells, type TableLayout, looksLikeHeader, readHeader } from './util/table.js';
import { validated } from './util/validate.js';

export const MpsProcessSchema = z.object({
  pid: z.number().int().min(0).max(MAX_PID),
  tty: z.string(),
  /** 0 = at home; N = migrated to node N; -1 = openMosix not configured (2.6 beta). */
  node: z.number().int().min(-1).max(MAX_NODE_ID),
  stat: z.string(),
  time: z.string(),
  timeSeconds: z.number().int().nonnegative(),
  /** The command line with its spaces; `(comm)` for migrated processes. */
  command: z.string(),
  user: z.string().optional(),
  cpu: z.number().nonnegative().optional(),
  mem: z.number().nonnegative().optional(),
  /** Cells of columns this parser does not know, by header name. */
  extra: z.record(z.string(), z.string()),
});
export type MpsProcess = z.infer<typeof MpsProcessSchema>;

export const MpsSchema = z.object({ processes: z.array(MpsProcessSchema) });
export type Mps = z.infer<typeof MpsSchema>;

const REQUIRED_COLUMNS = ['PID', 'TTY', 'NODE', 'STAT', 'TIME'];
const KNOWN_COLUMNS = new Set([...REQUIRED_COLUMNS, 'COMMAND', 'USER', '%CPU', '%MEM']);

export function parseMps(text: string): ParseResult<Mps> {
  const lines = splitLines(text);
  const headerIndex = lines.findIndex(looksLikeHeader);
  const header = lines[headerIndex];
  if (header === undefined) {
    const first = lines.find((line) => !isBlank(line));
    if (first === undefined) return failed(0, 'expected mps output, got empty input', 'empty');
    return failed(first.number, `expected the mps header "PID TTY NODE STAT TIME COMMAND", got ${quote(first.text)}`);
  }
  const layout = readHeader(header, REQUIRED_COLUMNS);
  if (typeof layout === 'string') return failed(header.number, layout);
  const reading = readRows(lines.slice(headerIndex + 1), {
    layout,
    accepts: acceptsCell,
    convert: (cells) => toProcess(cells, layout),
  });
  if (isParseError(reading)) return failed(reading.line, reading.message, reading.code);
  const preamble = lines.slice(0, headerIndex).filter((line) => !isBlank(line)).map(ignored);
  return validated(MpsSchema, { processes: reading.rows }, [...preamble, ...reading.warnings]);
}

function ignored(line: Line): { line: number; message: string } {
  return { line: line.number, message: `ignored text before the header: ${quote(line.text)}` };
}

function acceptsCell(column: string, cell: string): boolean {
  if (column === 'PID') return readInt(cell, { min: 0, max: MAX_PID }) !== null;
  if (column === 'NODE') return readInt(cell, { min: -1, max: MAX_NODE_ID }) !== null;
  if (column === 'TIME') return cpuTimeSeconds(cell) !== null;
  if (column === '%CPU' || column === '%MEM') return readDecimal(cell, { min: 0 }) !== null;
  return true;
}

function toProcess(cells: RowCells, layout: TableLayout): CellConversion<MpsProcess> {
  const cell = (column: string): string => cells[column] ?? '';
  const pid = readInt(cell('PID'), { min: 0, max: MAX_PID });
  if (pid === null) return badCell('PID', cell('PID'));
  const node = readInt(cell('NODE'), { min: -1, max: MAX_NODE_ID });
  if (node === null) return badCell('NODE', cell('NODE'));
  const timeSeconds = cpuTimeSeconds(cell('TIME'));
  if (timeSeconds === null) return badCell('TIME', cell('TIME'));
  const process: MpsProcess = {
    pid, tty: cell('TTY'), node, stat: cell('STAT').trim(), time: cell('TIME'), timeSeconds,
    command: cell('COMMAND'), extra: {},
  };
  if ('USER' in cells) process.user = cell('USER');
  for (const [column, key] of [['%CPU', 'cpu'], ['%MEM', 'mem']] as const) {
    if (!(column in cells)) continue;
    const value = readDecimal(cell(column), { min: 0 });
    if (value === null) return badCell(column, cell(column));
    process[key] = value;
  }
  for (const column of layout.columns) {
    if (!KNOWN_COLUMNS.has(column)) process.extra[column] = cell(column);
  }
  return { ok: true, value: process };
}
