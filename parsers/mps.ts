// `mps` (openMosix's ps, "procps version 1.2.9"), columns found by header. Every layout the real
// 0.3.6 binary prints ([X] real-captures/, [L] the live cluster) and the tutorial's:
//   PID TTY NODE STAT TIME COMMAND                                            (mps, mps ax, mps axww)
//  1166  ?   266 S    2:40 (blender)
//  USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND    (mps aux, mps auxww)
//  root        64 47.9  0.1  1752   144  ?     2 S    10:16   0:05 sh -c while :; do :; done
//  FLAGS   UID   PID  PPID PRI  NI   SIZE   RSS WCHAN       STA TTY NODE TIME COMMAND   (mps axl:
//    100  1000  1175  1159  15   0  26592 25600  0          R   ?     0227:33 (blende   NODE runs into TIME)
//  PPID   PID  PGID   SID TTY NODE TPGID  STAT  UID   TIME COMMAND           (mps axj)
//  USER     COMMAND            PID NODE NMIGS LOCK CANTMOVE                   (mps ax --ominfo: COMMAND
//  root     blender           1166  266     1    0 migratable                  is one word, not last)
// NODE is /proc/PID/where: 0 = here, N = migrated to node N, -1 = could not be read. STAT may touch
// TIME (`R N227:33`, a 2.6 build). Without `ww` a line is cut at 80 columns. Unknown columns land in `extra`.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { lfText, lineEnd, quote, splitLineTexts } from './util/lines.js';
import {
  MAX_NODE_ID, MAX_PID, NODE_RANGE, PERCENT_RANGE, PID_RANGE, readDecimal, readInt, readUnsignedDecimalIn, readUnsignedIntIn,
} from './util/numbers.js';
import { cpuTimeSeconds } from './util/cpuTime.js';
import { type RowOutcome, isParseError, readRows } from './util/rows.js';
import { type ExtraColumn, type TableLayout, cellBounds, extraCells, extraColumns, findHeaderLine, readHeader } from './util/table.js';
import { isBlankText } from './util/whitespace.js';
import { isStringRecord, isValid, validatedAsBuiltBy } from './util/validate.js';

const KiB = z.number().int().nonnegative();

export const MpsProcessSchema = z.object({
  pid: z.number().int().min(0).max(MAX_PID),
  tty: z.string().optional(),
  /** 0 = at home; N = migrated to node N; -1 = where it runs could not be read. */
  node: z.number().int().min(-1).max(MAX_NODE_ID),
  stat: z.string().optional(),
  time: z.string().optional(),
  timeSeconds: z.number().int().nonnegative().optional(),
  /** The command line with its spaces, or `(comm)` when it has none (a kernel thread, some migrated processes). */
  command: z.string(),
  user: z.string().optional(),
  cpu: z.number().nonnegative().optional(),
  mem: z.number().nonnegative().max(100).optional(),
  /** SIZE and RSS in KiB (`aux`, `l`). */
  sizeKiB: KiB.optional(),
  rssKiB: KiB.optional(),
  /** Cells of columns this parser does not know, by header name. */
  extra: z.record(z.string(), z.string()),
});
export type MpsProcess = z.infer<typeof MpsProcessSchema>;

export const MpsSchema = z.object({ processes: z.array(MpsProcessSchema) });
export type Mps = z.infer<typeof MpsSchema>;

/** MpsSchema without the rows' `extra` records, which `isValidMps` checks with `isStringRecord`. */
const MpsRowsSchema = z.object({ processes: z.array(MpsProcessSchema.omit({ extra: true })) });

/** Accepts only what MpsSchema accepts, without copying every row's `extra` as zod's check does. */
export function isValidMps(value: Mps): boolean {
  return isValid(MpsRowsSchema, value) && value.processes.every((row) => isStringRecord(row.extra));
}

const REQUIRED_COLUMNS = ['PID', 'NODE'];
const TEXT_COLUMNS = ['TTY', 'STAT', 'TIME', 'USER'] as const;
const KNOWN_COLUMNS = new Set([...REQUIRED_COLUMNS, ...TEXT_COLUMNS, 'COMMAND', '%CPU', '%MEM', 'SIZE', 'RSS']);

export function parseMps(text: string): ParseResult<Mps> {
  const source = lfText(text);
  const header = findHeaderLine(source);
  if (header === null) {
    const lines = splitLineTexts(text);
    const first = lines.findIndex((line) => !isBlankText(line));
    if (first < 0) return failed(0, 'expected mps output, got empty input', 'empty');
    return failed(first + 1, `expected the mps header "PID TTY NODE STAT TIME COMMAND", got ${quote(lines[first] ?? '')}`);
  }
  const layout = readHeader(source.slice(header.start, header.end), REQUIRED_COLUMNS, true);
  if (typeof layout === 'string') return failed(header.index + 1, layout);
  const columns = locateColumns(layout);
  const reading = readRows(source, { index: header.index + 1, start: header.end + 1 }, {
    layout,
    convert: (cells, count) => toProcess(cells, count, columns),
    plainRow: (line, from, to) => plainProcess(line, from, to, layout, columns),
  });
  if (isParseError(reading)) return failed(reading.line, reading.message, reading.code);
  const preamble: ParseWarning[] = [];
  for (let index = 0, start = 0, end = 0; index < header.index; index += 1, start = end + 1) {
    end = lineEnd(source, start);
    const line = source.slice(start, end);
    if (!isBlankText(line)) preamble.push({ line: index + 1, message: `ignored text before the header: ${quote(line)}` });
  }
  return validatedAsBuiltBy(MpsSchema, isValidMps, { processes: reading.rows }, [...preamble, ...reading.warnings]);
}

/** Where the cells are (-1: no such column); a repeated column counts by its last cell, as a record keyed by name would. */
interface MpsColumns {
  readonly width: number;
  /** Per column, how to read its number, if it holds one. */
  readonly numbers: readonly (NumberReader | undefined)[];
  /** Per column, which number `plainProcess` reads in place from it, if any. */
  readonly inPlace: readonly (InPlace | null)[];
  /** The cells whose text the row keeps (TTY, STAT, TIME, USER, COMMAND, extra columns). */
  readonly kept: readonly number[];
  readonly text: Readonly<Record<(typeof TEXT_COLUMNS)[number], number>>;
  readonly cpu: number;
  readonly mem: number;
  readonly size: number;
  readonly rss: number;
  readonly command: number;
  readonly extra: readonly ExtraColumn[];
  /** Every column `buildProcess` reads is there (`aux`): plain rows are built by `fullProcess`. */
  readonly full: boolean;
}

function locateColumns(layout: TableLayout): MpsColumns {
  const names = layout.columns;
  const at = (name: string): number => names.lastIndexOf(name);
  const text = { TTY: at('TTY'), STAT: at('STAT'), TIME: at('TIME'), USER: at('USER') };
  const command = at('COMMAND');
  const extra = extraColumns(layout, KNOWN_COLUMNS);
  const kept = new Set([...Object.values(text), command, ...extra.map(([, index]) => index)].filter((index) => index >= 0));
  const [cpu, mem, size, rss] = [at('%CPU'), at('%MEM'), at('SIZE'), at('RSS')];
  const full = [...Object.values(text), cpu, mem, size, rss].every((index) => index >= 0);
  return {
    width: names.length, numbers: names.map((name) => NUMBER_READERS.get(name)),
    inPlace: names.map((name) => IN_PLACE.get(name) ?? null), kept: [...kept],
    text, cpu, mem, size, rss, command, extra, full,
  };
}

/** The numeric cells of a row, each parsed once; null when its cell did not fit. */
interface MpsNumbers {
  pid: number | null;
  node: number | null;
  timeSeconds: number | null;
  cpu: number | null;
  mem: number | null;
  sizeKiB: number | null;
  rssKiB: number | null;
}

/** Reads one cell into `read`; false when the cell does not fit its column. */
type NumberReader = (cell: string, read: MpsNumbers) => boolean;

const KIB_RANGE = { min: 0 } as const;
const MEM_RANGE = { min: 0, max: 100 } as const;

// Looked up once per header: matching column names per cell cost more than parsing the cells.
const NUMBER_READERS = new Map<string, NumberReader>([
  ['PID', (cell, read) => (read.pid = readInt(cell, PID_RANGE)) !== null],
  ['NODE', (cell, read) => (read.node = readInt(cell, NODE_RANGE)) !== null],
  ['TIME', (cell, read) => (read.timeSeconds = cpuTimeSeconds(cell)) !== null],
  ['%CPU', (cell, read) => (read.cpu = readDecimal(cell, PERCENT_RANGE)) !== null],
  ['%MEM', (cell, read) => (read.mem = readDecimal(cell, MEM_RANGE)) !== null],
  ['SIZE', (cell, read) => (read.sizeKiB = readInt(cell, KIB_RANGE)) !== null],
  ['RSS', (cell, read) => (read.rssKiB = readInt(cell, KIB_RANGE)) !== null],
]);

/** Parses each numeric cell once, in column order, so the first bad cell is the one reported. */
function toProcess(cells: readonly string[], count: number, columns: MpsColumns): RowOutcome<MpsProcess> {
  const read: MpsNumbers = { pid: null, node: null, timeSeconds: null, cpu: null, mem: null, sizeKiB: null, rssKiB: null };
  for (let index = 0; index < count; index += 1) {
    const reader = columns.numbers[index];
    if (reader !== undefined && !reader(cells[index] ?? '', read)) return index;
  }
  if (count < columns.width) return count;
  return buildProcess(cells, read, columns) ?? count;
}

/** Which number a column holds, for `plainProcess`. */
type InPlace = 'pid' | 'node' | 'time' | 'cpu' | 'mem' | 'size' | 'rss';
const IN_PLACE = new Map<string, InPlace>([
  ['PID', 'pid'], ['NODE', 'node'], ['TIME', 'time'], ['%CPU', 'cpu'], ['%MEM', 'mem'], ['SIZE', 'size'], ['RSS', 'rss'],
]);

// plainProcess's scratch: each row's values are copied out of them into its own object.
const BOUNDS: number[] = [];
const CELLS: string[] = [];

/**
 * The row of a line (`line.slice(lineStart, lineEnd)`) whose every cell is there and reads plainly (unsigned numbers, m:ss times):
 * the numbers are read where they stand instead of from cut-out cells, and only the cells the
 * row keeps are cut out. Any other line gives null and goes through `toProcess`, which reports
 * what is wrong; on the lines read here both give the same row.
 */
function plainProcess(line: string, lineStart: number, lineEnd: number, layout: TableLayout, columns: MpsColumns): MpsProcess | null {
  if (cellBounds(line, layout, BOUNDS, lineStart, lineEnd) < columns.width) return null;
  for (const index of columns.kept) CELLS[index] = keptCell(line, BOUNDS[2 * index] ?? 0, BOUNDS[2 * index + 1] ?? 0, CELLS[index]);
  let pid = null;
  let node = null;
  let timeSeconds = null;
  let cpu = null;
  let mem = null;
  let sizeKiB = null;
  let rssKiB = null;
  for (let index = 0; index < columns.width; index += 1) {
    const kind = columns.inPlace[index];
    if (kind === null || kind === undefined) continue;
    const from = BOUNDS[2 * index] ?? 0;
    const to = BOUNDS[2 * index + 1] ?? 0;
    let value: number | null;
    if (kind === 'pid') value = pid = readUnsignedIntIn(line, from, to, PID_RANGE);
    else if (kind === 'node') value = node = readUnsignedIntIn(line, from, to, NODE_RANGE);
    else if (kind === 'cpu') value = cpu = readUnsignedDecimalIn(line, from, to, PERCENT_RANGE);
    else if (kind === 'mem') value = mem = readUnsignedDecimalIn(line, from, to, MEM_RANGE);
    else if (kind === 'size') value = sizeKiB = readUnsignedIntIn(line, from, to, KIB_RANGE);
    else if (kind === 'rss') value = rssKiB = readUnsignedIntIn(line, from, to, KIB_RANGE);
    else value = timeSeconds = cpuTimeSeconds(index === columns.text.TIME ? (CELLS[index] ?? '') : line.slice(from, to));
    if (value === null) return null;
  }
  if (columns.full && pid !== null && node !== null && timeSeconds !== null && cpu !== null && mem !== null && sizeKiB !== null && rssKiB !== null) {
    return fullProcess(columns, pid, node, timeSeconds, cpu, mem, sizeKiB, rssKiB);
  }
  return buildProcess(CELLS, { pid, node, timeSeconds, cpu, mem, sizeKiB, rssKiB }, columns);
}

/** Cells shorter than this are copied out of the line by V8 (longer ones share the text). */
const SHORT_CELL = 13;

/**
 * `line.slice(from, to)`, or `previous` when that is the same short text: the user, TTY, state and
 * often the time repeat from row to row, and every copy is one more string the row keeps (and the
 * collector moves) for the whole parse. A longer cell is a slice, as before, never a string from
 * another row: it holds on to the text it came from.
 */
function keptCell(line: string, from: number, to: number, previous: string | undefined): string {
  const length = to - from;
  if (previous !== undefined && length < SHORT_CELL && previous.length === length && line.startsWith(previous, from)) return previous;
  return line.slice(from, to);
}

/**
 * `buildProcess` for a row of a table with every known column (`mps aux`, `mps auxww`), built as
 * one object literal: adding its 13 keys one by one grew the object's property store four times
 * per row, which made a third of what a parse of such a table allocated.
 */
function fullProcess(
  columns: MpsColumns, pid: number, node: number, timeSeconds: number, cpu: number, mem: number, sizeKiB: number, rssKiB: number,
): MpsProcess {
  const { TTY, STAT, TIME, USER } = columns.text;
  return {
    pid, tty: CELLS[TTY] ?? '', node, stat: CELLS[STAT] ?? '', time: CELLS[TIME] ?? '', timeSeconds, command: CELLS[columns.command] ?? '',
    user: CELLS[USER] ?? '', cpu, mem, sizeKiB, rssKiB, extra: extraCells(CELLS, columns.extra),
  };
}

/** The row from its cells and numbers, or null without a PID or NODE. */
function buildProcess(cells: readonly string[], read: MpsNumbers, columns: MpsColumns): MpsProcess | null {
  const { pid, node } = read;
  if (pid === null || node === null) return null;
  // Keys in schema order, extra last: the parse returns this object as validated, not zod's copy of it.
  const { TTY, STAT, TIME, USER } = columns.text;
  const process: Omit<MpsProcess, 'extra'> = { pid } as Omit<MpsProcess, 'extra'>;
  if (TTY >= 0) process.tty = cells[TTY] ?? '';
  process.node = node;
  if (STAT >= 0) process.stat = cells[STAT] ?? '';
  if (TIME >= 0) process.time = cells[TIME] ?? '';
  if (read.timeSeconds !== null) process.timeSeconds = read.timeSeconds;
  process.command = cells[columns.command] ?? '';
  if (USER >= 0) process.user = cells[USER] ?? '';
  if (read.cpu !== null) process.cpu = read.cpu;
  if (read.mem !== null) process.mem = read.mem;
  if (read.sizeKiB !== null) process.sizeKiB = read.sizeKiB;
  if (read.rssKiB !== null) process.rssKiB = read.rssKiB;
  return Object.assign(process, { extra: extraCells(cells, columns.extra) });
}
