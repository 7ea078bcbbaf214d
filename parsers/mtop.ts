// `mtop` (openMosix-patched procps `top`): a captured screen. The real 0.3.6 mtop has no batch
// mode (`mtop -b -n 1` prints ``mtop: Unknown argument `b'`` and exits 1), so omtop never runs it;
// this reads screens people captured. Summary lines, a blank line, then the process table, whose
// N# column is the node a process runs on (0 = here); the real screen ([X] mtop-chaos-screen) adds
// MGS (migrations), the tutorial's has none:
//   PID USER     PRI  NI  SIZE  RSS SHARE STAT N# MGS %CPU %MEM   TIME COMMAND
//  1181 #1000     15   0 26592  25M   400 S    2780   1  0.0 10.0   0:05 blender
//   PID USER     PRI  NI  SIZE  RSS SHARE STAT  N# %CPU %MEM   TIME COMMAND
//  1169 root      17   0 39328  38M   676 S    407 85.5 15.4   0:17 blender
//  1301 alice      9   0  1.2M 1.1M  1656 S    2780  0.0  0.4   0:00 blender
// Node ids of 4-5 digits overflow N# and shift later columns, so cells are read as tokens.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { type Line, MAX_LINE, lfText, lineEnd, overlongLineWarning, quote } from './util/lines.js';
import { MAX_NODE_ID, MAX_PID, NODE_RANGE, PERCENT_RANGE, PID_RANGE, readDecimal, readInt } from './util/numbers.js';
import { cpuTimeSeconds } from './util/cpuTime.js';
import { scaledKiB } from './util/sizes.js';
import { type RowOutcome, isParseError, readRows } from './util/rows.js';
import { type ExtraColumn, type TableLayout, extraCells, extraColumns, findHeaderLine, readHeader } from './util/table.js';
import { isBlankText } from './util/whitespace.js';
import { isStringRecord, isValid, validatedAsBuiltBy } from './util/validate.js';
import { MtopSummarySchema, SummaryReader, isTasksLine, isUptimeLine } from './mtop/summary.js';

export { MtopSummarySchema, type MtopSummary } from './mtop/summary.js';

const KiB = z.number().int().nonnegative();

export const MtopProcessSchema = z.object({
  pid: z.number().int().min(0).max(MAX_PID),
  user: z.string(),
  pri: z.number().int(),
  ni: z.number().int(),
  sizeKiB: KiB,
  rssKiB: KiB,
  shareKiB: KiB,
  stat: z.string(),
  /** N#: 0 = running here, otherwise the node it migrated to. */
  node: z.number().int().min(-1).max(MAX_NODE_ID),
  cpu: z.number().nonnegative(),
  mem: z.number().nonnegative().max(100),
  time: z.string(),
  timeSeconds: z.number().int().nonnegative(),
  command: z.string(),
  /** Cells of columns this parser does not know, by header name. */
  extra: z.record(z.string(), z.string()),
});
export type MtopProcess = z.infer<typeof MtopProcessSchema>;

export const MtopSchema = MtopSummarySchema.extend({ processes: z.array(MtopProcessSchema) });
export type Mtop = z.infer<typeof MtopSchema>;

/** MtopSchema without the rows' `extra` records, which `isValidMtop` checks with `isStringRecord`. */
const MtopRowsSchema = MtopSummarySchema.extend({ processes: z.array(MtopProcessSchema.omit({ extra: true })) });

/** Accepts only what MtopSchema accepts, without copying every row's `extra` as zod's check does. */
export function isValidMtop(value: Mtop): boolean {
  return isValid(MtopRowsSchema, value) && value.processes.every((row) => isStringRecord(row.extra));
}

const REQUIRED_COLUMNS = ['PID', 'USER', 'PRI', 'NI', 'SIZE', 'RSS', 'SHARE', 'STAT', 'N#', '%CPU', '%MEM', 'TIME'] as const;
const KNOWN_COLUMNS = new Set<string>([...REQUIRED_COLUMNS, 'COMMAND']);

export function parseMtop(text: string): ParseResult<Mtop> {
  const source = lfText(text);
  const header = findHeaderLine(source);
  const warnings: ParseWarning[] = [];
  const summary = new SummaryReader();
  const summaryEnd = header === null ? source.length : header.start - 1;
  for (let index = 0, start = 0, end = 0; start <= summaryEnd; index += 1, start = end + 1) {
    end = lineEnd(source, start);
    const line = source.slice(start, end);
    if (isBlankText(line)) continue;
    if (line.length > MAX_LINE.ONE_LINE) {
      warnings.push(overlongLineWarning(index + 1, line.length, MAX_LINE.ONE_LINE));
      continue;
    }
    const problem = summary.read({ number: index + 1, text: line }, warnings);
    if (problem !== null) return failed(index + 1, problem);
  }
  if (header === null) {
    if (isBlankText(source)) return failed(0, 'expected mtop output, got empty input', 'empty');
    return failed(0, 'expected the mtop column header "PID USER PRI NI SIZE RSS SHARE STAT N# %CPU %MEM TIME COMMAND", got none');
  }
  const layout = readHeader(source.slice(header.start, header.end).replace(/\bNODE\b/i, 'N#'), REQUIRED_COLUMNS);
  if (typeof layout === 'string') return failed(header.index + 1, layout);
  const columns = locateColumns(layout);
  const reading = readRows(source, { index: header.index + 1, start: header.end + 1 }, {
    layout,
    convert: (cells, count) => toProcess(cells, count, columns),
    stopBefore: startsNextFrame,
  });
  if (isParseError(reading)) return failed(reading.line, reading.message, reading.code);
  warnings.push(...reading.warnings);
  if (reading.stoppedAt) warnings.push(otherFrames(reading.stoppedAt));
  return validatedAsBuiltBy(MtopSchema, isValidMtop, { ...summary.finish(), processes: reading.rows }, warnings);
}

function startsNextFrame(line: string): boolean {
  const text = line.trim();
  return isUptimeLine(text) || isTasksLine(text);
}

function otherFrames(line: Line): ParseWarning {
  return { line: line.number, message: `ignored further frames from here on (only the first is read): ${quote(line.text)}` };
}

/** Where each value sits in a row; a repeated column counts by its last cell, as a record keyed by name would. */
interface MtopColumns {
  readonly width: number;
  /** Per column, how to read its number, if it holds one. */
  readonly readers: readonly (NumberReader | undefined)[];
  /** The numbers of the row being read, by column; reused from row to row. */
  readonly numbers: Float64Array;
  readonly index: Readonly<Record<(typeof REQUIRED_COLUMNS)[number], number>>;
  readonly command: number;
  readonly extra: readonly ExtraColumn[];
}

type NumberReader = (cell: string) => number | null;

// Looked up once per header: matching column names per cell cost more than parsing the cells.
const NUMBER_READERS = new Map<string, NumberReader>([
  ['PID', (cell) => readInt(cell, PID_RANGE)],
  ['PRI', (cell) => readInt(cell)],
  ['NI', (cell) => readInt(cell)],
  ['SIZE', scaledKiB],
  ['RSS', scaledKiB],
  ['SHARE', scaledKiB],
  ['N#', (cell) => readInt(cell, NODE_RANGE)],
  ['%CPU', (cell) => readDecimal(cell, PERCENT_RANGE)],
  ['%MEM', (cell) => readDecimal(cell, { min: 0, max: 100 })],
  ['TIME', cpuTimeSeconds],
]);

function locateColumns(layout: TableLayout): MtopColumns {
  const names = layout.columns;
  const at = (name: string): number => names.lastIndexOf(name);
  return {
    width: names.length,
    readers: names.map((name) => NUMBER_READERS.get(name)),
    numbers: new Float64Array(names.length),
    index: {
      PID: at('PID'), USER: at('USER'), PRI: at('PRI'), NI: at('NI'), SIZE: at('SIZE'), RSS: at('RSS'), SHARE: at('SHARE'),
      STAT: at('STAT'), 'N#': at('N#'), '%CPU': at('%CPU'), '%MEM': at('%MEM'), TIME: at('TIME'),
    },
    command: names.length - 1,
    extra: extraColumns(layout, KNOWN_COLUMNS),
  };
}

/** Parses each numeric cell once, in column order, so the first bad cell is the one reported. */
function toProcess(cells: readonly string[], count: number, columns: MtopColumns): RowOutcome<MtopProcess> {
  const { readers, numbers, index } = columns;
  for (let column = 0; column < count; column += 1) {
    const reader = readers[column];
    if (reader === undefined) continue;
    const value = reader(cells[column] ?? '');
    if (value === null) return column;
    numbers[column] = value;
  }
  if (count < columns.width) return count;
  return {
    pid: numberAt(numbers, index.PID), user: cells[index.USER] ?? '', pri: numberAt(numbers, index.PRI),
    ni: numberAt(numbers, index.NI), sizeKiB: numberAt(numbers, index.SIZE), rssKiB: numberAt(numbers, index.RSS),
    shareKiB: numberAt(numbers, index.SHARE), stat: cells[index.STAT] ?? '', node: numberAt(numbers, index['N#']),
    cpu: numberAt(numbers, index['%CPU']), mem: numberAt(numbers, index['%MEM']), time: cells[index.TIME] ?? '',
    timeSeconds: numberAt(numbers, index.TIME), command: cells[columns.command] ?? '', extra: extraCells(cells, columns.extra),
  };
}

function numberAt(numbers: Float64Array, at: number): number {
  return numbers[at] ?? 0;
}
