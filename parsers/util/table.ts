// Reading ps/top-style tables by their header, not by fixed columns. Three things break fixed
// columns in mps/mtop output: node ids of 4-5 digits, a STAT with spaces that can touch the next
// field (`R N227:33`), and TTYs longer than three characters. So every cell is a whitespace token,
// except STAT (matched by its shape) and the last column, COMMAND, which takes the rest of the line.
//   PID TTY NODE STAT TIME COMMAND
//  4501  ?    -1 R N227:33 ./dnetc

import { type Line, quoteOrEnd } from './lines.js';

/** Header names that mean "the command": always the last column. */
const COMMAND_NAMES = new Set(['COMMAND', 'CMD', 'COMM', 'ARGS']);

/**
 * A process state as procps 2.0 prints it: a state letter, then flag letters/`<`/`+`, where the
 * nice flag `N` or `<` may sit after one space (`R N`, `S <`). Digits never occur, so a following
 * number (`227:33`) is never swallowed.
 */
const STAT_PATTERN = /^[A-Z][A-Za-z<+]*(?: ?[<N+]+)?/;

export interface TableLayout {
  /** Upper-cased column names in header order; the last one is the command. */
  readonly columns: readonly string[];
}

export type RowCells = Readonly<Record<string, string>>;

export type RowReading =
  | { readonly ok: true; readonly cells: RowCells }
  | { readonly ok: false; readonly column: string; readonly found: string };

/** The layout a header line describes, or why it is not a usable header. */
export function readHeader(line: Line, required: readonly string[]): TableLayout | string {
  const columns = line.text.trim().split(/\s+/).map((name) => name.toUpperCase());
  const last = columns[columns.length - 1] ?? '';
  if (!COMMAND_NAMES.has(last)) return `expected the last header column to be COMMAND, got ${quoteOrEnd(last)}`;
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) return `expected the header to name ${missing.join(', ')}, got ${quoteOrEnd(line.text)}`;
  return { columns: columns.slice(0, -1).concat('COMMAND') };
}

/** True when the line looks like a header: names PID and a command column. */
export function looksLikeHeader(line: Line): boolean {
  const names = line.text.trim().split(/\s+/).map((name) => name.toUpperCase());
  return names.includes('PID') && names.some((name) => COMMAND_NAMES.has(name));
}

/** Whether a cell can hold its column's value; checked in column order so the first bad cell is named. */
export type CellCheck = (column: string, cell: string) => boolean;

/** Splits one row into raw cells keyed by column name. */
export function readRow(line: Line, layout: TableLayout, accepts: CellCheck = () => true): RowReading {
  const cells: Record<string, string> = {};
  let rest = line.text;
  const lastIndex = layout.columns.length - 1;
  for (let index = 0; index < lastIndex; index += 1) {
    const column = layout.columns[index] ?? '';
    rest = rest.trimStart();
    const cell = column === 'STAT' ? STAT_PATTERN.exec(rest) : /^\S+/.exec(rest);
    if (!cell) return { ok: false, column, found: rest.split(/\s+/)[0] ?? '' };
    if (!accepts(column, cell[0])) return { ok: false, column, found: cell[0] };
    cells[column] = cell[0];
    rest = rest.slice(cell[0].length);
  }
  cells.COMMAND = rest.trim();
  return { ok: true, cells };
}

/** A CPU time somewhere in the line: tells a damaged table row from trailing non-table text. */
export function hasTimeToken(line: Line): boolean {
  return /(?:^|[\sA-Z<])\d+:\d\d(?:\s|$)/.test(line.text);
}
