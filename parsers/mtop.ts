// `mtop` (openMosix-patched procps 2.0 `top`, e.g. `mtop -b -n 1`): summary lines, a blank line,
// then the process table, whose N# column is the node a process runs on (0 = here):
//   PID USER     PRI  NI  SIZE  RSS SHARE STAT  N# %CPU %MEM   TIME COMMAND
//  1169 root      17   0 39328  38M   676 S    407 85.5 15.4   0:17 blender
//  1301 alice      9   0  1.2M 1.1M  1656 S    2780  0.0  0.4   0:00 blender
// Node ids of 4-5 digits overflow N# and shift later columns, so cells are read as tokens.

import { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from './result.js';
import { type Line, isBlank, quote, splitLines } from './util/lines.js';
import { MAX_NODE_ID, MAX_PID, readDecimal, readInt } from './util/numbers.js';
import { cpuTimeSeconds } from './util/cpuTime.js';
import { scaledKiB } from './util/sizes.js';
import { type CellConversion, badCell, isParseError, readRows } from './util/rows.js';
import { type RowCells, type TableLayout, looksLikeHeader, readHeader } from './util/table.js';
import { validated } from './util/validate.js';
import { MtopSummarySchema, SummaryReader, TASKS_LINE, UPTIME_LINE } from './mtop/summary.js';

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
  mem: z.number().nonnegative(),
  time: z.string(),
  timeSeconds: z.number().int().nonnegative(),
  command: z.string(),
  /** Cells of columns this parser does not know, by header name. */
  extra: z.record(z.string(), z.string()),
});
export type MtopProcess = z.infer<typeof MtopProcessSchema>;

export const MtopSchema = MtopSummarySchema.extend({ processes: z.array(MtopProcessSchema) });
export type Mtop = z.infer<typeof MtopSchema>;

const REQUIRED_COLUMNS = ['PID', 'USER', 'PRI', 'NI', 'SIZE', 'RSS', 'SHARE', 'STAT', 'N#', '%CPU', '%MEM', 'TIME'];
const KNOWN_COLUMNS = new Set([...REQUIRED_COLUMNS, 'COMMAND']);
const SIZE_COLUMNS = { SIZE: 'sizeKiB', RSS: 'rssKiB', SHARE: 'shareKiB' } as const;

const CELL_CHECKS: Readonly<Record<string, (cell: string) => boolean>> = {
  PID: (cell) => readInt(cell, { min: 0, max: MAX_PID }) !== null,
  PRI: (cell) => readInt(cell) !== null,
  NI: (cell) => readInt(cell) !== null,
  SIZE: (cell) => scaledKiB(cell) !== null,
  RSS: (cell) => scaledKiB(cell) !== null,
  SHARE: (cell) => scaledKiB(cell) !== null,
  'N#': (cell) => readInt(cell, { min: -1, max: MAX_NODE_ID }) !== null,
  '%CPU': (cell) => readDecimal(cell, { min: 0 }) !== null,
  '%MEM': (cell) => readDecimal(cell, { min: 0 }) !== null,
  TIME: (cell) => cpuTimeSeconds(cell) !== null,
};

export function parseMtop(text: string): ParseResult<Mtop> {
  const lines = splitLines(text);
  const headerIndex = lines.findIndex(looksLikeHeader);
  const warnings: ParseWarning[] = [];
  const summary = new SummaryReader();
  for (const line of headerIndex < 0 ? lines : lines.slice(0, headerIndex)) {
    if (isBlank(line)) continue;
    const problem = summary.read(line, warnings);
    if (problem !== null) return failed(line.number, problem);
  }
  const header = lines[headerIndex];
  if (header === undefined) {
    if (lines.every(isBlank)) return failed(0, 'expected mtop output, got empty input', 'empty');
    return failed(0, 'expected the mtop column header "PID USER PRI NI SIZE RSS SHARE STAT N# %CPU %MEM TIME COMMAND", got none');
  }
  const layout = readHeader({ number: header.number, text: header.text.replace(/\bNODE\b/i, 'N#') }, REQUIRED_COLUMNS);
  if (typeof layout === 'string') return failed(header.number, layout);
  const reading = readRows(lines.slice(headerIndex + 1), {
    layout,
    accepts: (column, cell) => CELL_CHECKS[column]?.(cell) ?? true,
    convert: (cells) => toProcess(cells, layout),
    stopBefore: startsNextFrame,
  });
  if (isParseError(reading)) return failed(reading.line, reading.message, reading.code);
  warnings.push(...reading.warnings);
  if (reading.stoppedAt) warnings.push(otherFrames(reading.stoppedAt));
  return validated(MtopSchema, { ...summary.finish(), processes: reading.rows }, warnings);
}

function startsNextFrame(line: Line): boolean {
  const text = line.text.trim();
  return UPTIME_LINE.test(text) || TASKS_LINE.test(text);
}

function otherFrames(line: Line): ParseWarning {
  return { line: line.number, message: `ignored further frames from here on (only the first is read): ${quote(line.text)}` };
}

function toProcess(cells: RowCells, layout: TableLayout): CellConversion<MtopProcess> {
  const cell = (column: string): string => cells[column] ?? '';
  const pid = readInt(cell('PID'), { min: 0, max: MAX_PID });
  const pri = readInt(cell('PRI'));
  const ni = readInt(cell('NI'));
  const node = readInt(cell('N#'), { min: -1, max: MAX_NODE_ID });
  const cpu = readDecimal(cell('%CPU'), { min: 0 });
  const mem = readDecimal(cell('%MEM'), { min: 0 });
  const timeSeconds = cpuTimeSeconds(cell('TIME'));
  const sizes = { sizeKiB: scaledKiB(cell('SIZE')), rssKiB: scaledKiB(cell('RSS')), shareKiB: scaledKiB(cell('SHARE')) };
  const checks: [string, number | null][] = [
    ['PID', pid], ['PRI', pri], ['NI', ni], ['N#', node], ['%CPU', cpu], ['%MEM', mem], ['TIME', timeSeconds],
    ...Object.entries(SIZE_COLUMNS).map(([column, key]): [string, number | null] => [column, sizes[key]]),
  ];
  const bad = checks.find(([, value]) => value === null);
  if (bad) return badCell(bad[0], cell(bad[0]));
  const extra: Record<string, string> = {};
  for (const column of layout.columns) {
    if (!KNOWN_COLUMNS.has(column)) extra[column] = cell(column);
  }
  return {
    ok: true,
    value: {
      pid: pid ?? 0, user: cell('USER'), pri: pri ?? 0, ni: ni ?? 0,
      sizeKiB: sizes.sizeKiB ?? 0, rssKiB: sizes.rssKiB ?? 0, shareKiB: sizes.shareKiB ?? 0,
      stat: cell('STAT').trim(), node: node ?? 0, cpu: cpu ?? 0, mem: mem ?? 0,
      time: cell('TIME'), timeSeconds: timeSeconds ?? 0, command: cell('COMMAND'), extra,
    },
  };
}
