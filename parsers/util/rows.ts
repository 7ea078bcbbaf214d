// The row loop shared by mps and mtop. A row that cannot be read is an error when it is plainly
// a damaged table row (its PID reads, it has a CPU time, or readable rows follow it); other text
// after the last row is trailing noise (a shell message, say) and only earns a warning.

import type { ParseError, ParseWarning } from '../result.js';
import { type Line, MAX_LINE, lineEnd, overlongLineWarning, quoteOrEnd } from './lines.js';
import { type TableLayout, hasTimeToken, scanRow } from './table.js';
import { skipWhitespace } from './whitespace.js';

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
function describeColumn(column: string): string {
  return COLUMN_DESCRIPTIONS[column] ?? `a ${column} value`;
}

/** The standard message for a cell that does not hold what its column promises. */
function badCellMessage(column: string, found: string): string {
  return `expected ${describeColumn(column)}, got ${quoteOrEnd(found)}`;
}

interface RowsRead<T> {
  readonly rows: T[];
  readonly warnings: ParseWarning[];
  /** The first line not read as part of the table (another frame, say), if `stopBefore` matched. */
  readonly stoppedAt: Line | null;
}

interface RowFailure {
  readonly line: number;
  readonly message: string;
}

/** The row a line's cells make, or the index of the first cell that does not fit its column. */
export type RowOutcome<T> = T | number;

export interface RowReader<T extends object> {
  readonly layout: TableLayout;
  /**
   * Checks `cells[0..count)` in column order, parsing each cell once, and returns the index of the
   * first that does not fit; when all fit, returns the row if `count` covers every column, else `count`.
   */
  readonly convert: (cells: readonly string[], count: number) => RowOutcome<T>;
  /** A line that ends the table (the next mtop frame, say). */
  readonly stopBefore?: (text: string) => boolean;
  /**
   * The row a plain line makes (`text.slice(from, to)`, read in place), or null to read the line
   * the ordinary way (`convert`). Must never give a row `convert` would not give, value for value.
   */
  readonly plainRow?: (text: string, from: number, to: number) => T | null;
}

/** The first line `readRows` reads: its index (line `index + 1`) and where it starts in the `lfText`. */
export interface LineAt {
  readonly index: number;
  readonly start: number;
}

/**
 * Reads the rows of `text` (an `lfText`) from line `at` until the end or `stopBefore`. Lines are
 * walked by position: only a line that is not read in place is cut out of the text.
 */
export function readRows<T extends object>(text: string, at: LineAt, reader: RowReader<T>): RowsRead<T> | ParseError {
  const { layout, convert, stopBefore, plainRow } = reader;
  const rows: T[] = [];
  const pending: RowFailure[] = [];
  const skipped: ParseWarning[] = [];
  const cells: string[] = [];
  let index = at.index - 1;
  for (let start = at.start, end = 0; start <= text.length; start = end + 1) {
    index += 1;
    end = lineEnd(text, start);
    if (end - start > MAX_LINE.TABLE) {
      skipped.push(overlongLineWarning(index + 1, end - start, MAX_LINE.TABLE));
      continue;
    }
    if (skipWhitespace(text, start, end) === end) continue;
    let line = stopBefore === undefined ? null : text.slice(start, end);
    if (line !== null && stopBefore?.(line) === true) return finish(rows, pending, skipped, { number: index + 1, text: line });
    let outcome: RowOutcome<T> | null = plainRow?.(text, start, end) ?? null;
    if (outcome === null) {
      line ??= text.slice(start, end);
      outcome = convert(cells, scanRow(line, layout, cells));
    }
    if (typeof outcome !== 'number') {
      const earlier = pending[0];
      if (earlier) return { line: earlier.line, message: earlier.message, code: 'malformed' };
      rows.push(outcome);
      continue;
    }
    line ??= text.slice(start, end);
    const column = layout.columns[outcome] ?? '';
    const message = badCellMessage(column, cells[outcome] ?? '');
    if (passedPid(layout, column) || hasTimeToken(line)) return { line: index + 1, message, code: 'malformed' };
    pending.push({ line: index + 1, message });
  }
  return finish(rows, pending, skipped, null);
}

/** True when the row's PID cell was read before `failedColumn` failed: a damaged row, not stray text. */
function passedPid(layout: TableLayout, failedColumn: string): boolean {
  const pid = layout.columns.indexOf('PID');
  return pid >= 0 && layout.columns.indexOf(failedColumn) > pid;
}

function finish<T>(rows: T[], pending: readonly RowFailure[], skipped: readonly ParseWarning[], stoppedAt: Line | null): RowsRead<T> {
  const trailing = pending.map((failure) => ({
    line: failure.line,
    message: `ignored trailing text after the table (${failure.message})`,
  }));
  const warnings = skipped.length === 0 ? trailing : [...skipped, ...trailing].sort((a, b) => a.line - b.line);
  return { rows, warnings, stoppedAt };
}

export function isParseError<T>(reading: RowsRead<T> | ParseError): reading is ParseError {
  return 'code' in reading;
}
