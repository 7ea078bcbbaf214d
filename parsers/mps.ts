// `mps` (openMosix-patched procps 2.0 `ps`), columns found by header; NODE 0 = running at home:
//   PID TTY NODE STAT TIME COMMAND
//  1159 ?      0 S    0:00 /bin/sh render blacksmith-jpeg.blend 1 235 4
//  1166 ?    266 S    2:40 (blender)
// The 2.6 beta prints NODE -1 and lets STAT touch TIME: ` 4501  ?    -1 R N227:33 ./dnetc`.
// aux-style headers (USER, %CPU, %MEM, VSZ…) are read too; unknown columns land in `extra`.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { quote, splitLineTexts } from './util/lines.js';
import { MAX_NODE_ID, MAX_PID, NODE_RANGE, PERCENT_RANGE, PID_RANGE, readDecimal, readInt } from './util/numbers.js';
import { cpuTimeSeconds } from './util/cpuTime.js';
import { type RowOutcome, isParseError, readRows } from './util/rows.js';
import { type ExtraColumn, type TableLayout, extraCells, extraColumns, looksLikeHeader, readHeader } from './util/table.js';
import { isBlankText } from './util/whitespace.js';
import { validatedAsBuilt } from './util/validate.js';

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
  const lines = splitLineTexts(text);
  const headerIndex = lines.findIndex(looksLikeHeader);
  const header = lines[headerIndex];
  if (header === undefined) {
    const first = lines.findIndex((line) => !isBlankText(line));
    if (first < 0) return failed(0, 'expected mps output, got empty input', 'empty');
    return failed(first + 1, `expected the mps header "PID TTY NODE STAT TIME COMMAND", got ${quote(lines[first] ?? '')}`);
  }
  const layout = readHeader(header, REQUIRED_COLUMNS);
  if (typeof layout === 'string') return failed(headerIndex + 1, layout);
  const columns = locateColumns(layout);
  const reading = readRows(lines, headerIndex + 1, {
    layout,
    convert: (cells, count) => toProcess(cells, count, columns),
  });
  if (isParseError(reading)) return failed(reading.line, reading.message, reading.code);
  const preamble: ParseWarning[] = [];
  for (let index = 0; index < headerIndex; index += 1) {
    const line = lines[index] ?? '';
    if (!isBlankText(line)) preamble.push({ line: index + 1, message: `ignored text before the header: ${quote(line)}` });
  }
  return validatedAsBuilt(MpsSchema, { processes: reading.rows }, [...preamble, ...reading.warnings]);
}

/** Where the text cells are; a repeated column counts by its last cell, as a record keyed by name would. */
interface MpsColumns {
  readonly width: number;
  /** Per column, how to read its number, if it holds one. */
  readonly numbers: readonly (NumberReader | undefined)[];
  readonly tty: number;
  readonly stat: number;
  readonly time: number;
  readonly user: number;
  readonly cpu: number;
  readonly mem: number;
  readonly command: number;
  readonly extra: readonly ExtraColumn[];
}

function locateColumns(layout: TableLayout): MpsColumns {
  const names = layout.columns;
  const at = (name: string): number => names.lastIndexOf(name);
  return {
    width: names.length, numbers: names.map((name) => NUMBER_READERS.get(name)),
    tty: at('TTY'), stat: at('STAT'), time: at('TIME'), user: at('USER'), cpu: at('%CPU'), mem: at('%MEM'),
    command: names.length - 1, extra: extraColumns(layout, KNOWN_COLUMNS),
  };
}

/** The numeric cells of a row, each parsed once; null when its cell did not fit. */
interface MpsNumbers {
  pid: number | null;
  node: number | null;
  timeSeconds: number | null;
  cpu: number | null;
  mem: number | null;
}

/** Reads one cell into `read`; false when the cell does not fit its column. */
type NumberReader = (cell: string, read: MpsNumbers) => boolean;

// Looked up once per header: matching column names per cell cost more than parsing the cells.
const NUMBER_READERS = new Map<string, NumberReader>([
  ['PID', (cell, read) => (read.pid = readInt(cell, PID_RANGE)) !== null],
  ['NODE', (cell, read) => (read.node = readInt(cell, NODE_RANGE)) !== null],
  ['TIME', (cell, read) => (read.timeSeconds = cpuTimeSeconds(cell)) !== null],
  ['%CPU', (cell, read) => (read.cpu = readDecimal(cell, PERCENT_RANGE)) !== null],
  ['%MEM', (cell, read) => (read.mem = readDecimal(cell, PERCENT_RANGE)) !== null],
]);

/** Parses each numeric cell once, in column order, so the first bad cell is the one reported. */
function toProcess(cells: readonly string[], count: number, columns: MpsColumns): RowOutcome<MpsProcess> {
  const read: MpsNumbers = { pid: 0, node: 0, timeSeconds: 0, cpu: 0, mem: 0 };
  for (let index = 0; index < count; index += 1) {
    const reader = columns.numbers[index];
    if (reader !== undefined && !reader(cells[index] ?? '', read)) return index;
  }
  const { pid, node, timeSeconds, cpu, mem } = read;
  if (count < columns.width || pid === null || node === null || timeSeconds === null || cpu === null || mem === null) return count;
  // Keys in schema order, extra last: the parse returns this object as validated, not zod's copy of it.
  const process: Omit<MpsProcess, 'extra'> = {
    pid, tty: cells[columns.tty] ?? '', node, stat: cells[columns.stat] ?? '', time: cells[columns.time] ?? '', timeSeconds,
    command: cells[columns.command] ?? '',
  };
  if (columns.user >= 0) process.user = cells[columns.user] ?? '';
  if (columns.cpu >= 0) process.cpu = cpu;
  if (columns.mem >= 0) process.mem = mem;
  return Object.assign(process, { extra: extraCells(cells, columns.extra) });
}
