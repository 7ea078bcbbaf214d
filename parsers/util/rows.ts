// The row loop shared by mps and mtop. A row that cannot be read is an error when it is plainly
// a damaged table row (its PID reads, it has a CPU time, or readable rows follow it); other text
// after the last row is trailing noise (a shell message, say) and only earns a warning.

import type { ParseError, ParseWarning } from '../result.js';
import { type Line, isBlank, quoteOrEnd } from './lines.js';
import { type CellCheck, type RowCells, type TableLayout, hasTimeToken, readRow } from './table.js';

export type CellConversion<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PID: 'a PID',
  TTY: 'a TTY',
  NODE: 'a node number',
  'N#': 'a node number',
  STAT: 'a process state (R, S, D, Z, T…)',
  TIME: 'a CPU time',
  USER: 'a user name',
  '%CPU': 'a %CPU value',
  '%MEM': 'a %MEM value',
  PRI: 'a priority',
  NI: 'a nice value',
  SIZE: 'a SIZE in KiB',
  RSS: 'an RSS in KiB',
  SHARE: 'a SHARE in KiB',
};

/** `a PID`, `a node number`…: what a column's cell should hold, for error messages. */
export function describeColumn(column: string): string {
  return COLUMN_DESCRIPTIONS[column] ?? `a ${column} value`;
}

/** The standard message for a cell that does not hold what its column promises. */
export function badCell<T>(column: string, found: string): CellConversion<T> {
  return { ok: false, message: `expected ${describeColumn(column)}, got ${quoteOrEnd(found)}` };
}

export interface RowsRead<T> {
  readonly rows: T[];
  readonly warnings: ParseWarning[];
  /** The first line not read as part of the table (another frame, say), if `stopBefore` matched. */
  readonly stoppedAt: Line | null;
}

interface RowFailure {
  readonly line: number;
  readonly message: string;
}

export interface RowReader<T> {
  readonly layout: TableLayout;
  /** Cheap per-cell check, so the first bad cell in column order is the one reported. */
  readonly accepts: CellCheck;
  readonly convert: (cells: RowCells) => CellConversion<T>;
  /** A line that ends the table (the next mtop frame, say). */
  readonly stopBefore?: (line: Line) => boolean;
}

/** Reads rows until the end or until `stopBefore` matches a line. */
export function readRows<T>(lines: readonly Line[], reader: RowReader<T>): RowsRead<T> | ParseError {
  const { layout, accepts, convert, stopBefore = () => false } = reader;
  const rows: T[] = [];
  const pending: RowFailure[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (stopBefore(line)) return finish(rows, pending, line);
    const cells = readRow(line, layout, accepts);
    const converted = cells.ok ? convert(cells.cells) : badCell<T>(cells.column, cells.found);
    if (converted.ok) {
      const earlier = pending[0];
      if (earlier) return { line: earlier.line, message: earlier.message, code: 'malformed' };
      rows.push(converted.value);
    } else if (!cells.ok && !passedPid(layout, cells.column) && !hasTimeToken(line)) {
      pending.push({ line: line.number, message: converted.message });
    } else {
      return { line: line.number, message: converted.message, code: 'malformed' };
    }
  }
  return finish(rows, pending, null);
}

/** True when the row's PID cell was read before `failedColumn` failed: a damaged row, not stray text. */
function passedPid(layout: TableLayout, failedColumn: string): boolean {
  const pid = layout.columns.indexOf('PID');
  return pid >= 0 && layout.columns.indexOf(failedColumn) > pid;
}

function finish<T>(rows: T[], pending: readonly RowFailure[], stoppedAt: Line | null): RowsRead<T> {
  const warnings = pending.map((failure) => ({
    line: failure.line,
    message: `ignored trailing text after the table (${failure.message})`,
  }));
  return { rows, warnings, stoppedAt };
}

export function isParseError<T>(reading: RowsRead<T> | ParseError): reading is ParseError {
  return 'code' in reading;
}
