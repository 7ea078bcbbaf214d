// Reading ps/top-style tables by their header, not by fixed columns. Four things break fixed
// columns in mps/mtop output: node ids of 4-5 digits, a STAT with spaces that can touch the next
// field (`R N227:33`), a NODE that touches TIME (`mps l`: `    0227:33`), and TTYs longer than
// three characters. So every cell is a whitespace token, except STAT (matched by its shape), a
// NODE right before TIME (split off by TIME's width), and the last column, which takes the rest of
// the line (COMMAND, or `mps --ominfo`'s CANTMOVE).
//   PID TTY NODE STAT TIME COMMAND
//  4501  ?    -1 R N227:33 ./dnetc
// Rows are scanned by index into a reused array of cells: tables run to 10,000 rows, and a regex,
// a sliced remainder and a record per cell made the scan several times slower than JSON.parse.

import { MAX_LINE, lineEnd, quoteOrEnd, words } from './lines.js';
import { isWhitespace, skipWhitespace, tokenEnd } from './whitespace.js';

/** Header names that mean "the command": always the last column. */
const COMMAND_NAMES = new Set(['COMMAND', 'CMD', 'COMM', 'ARGS']);

/**
 * A process state as procps 2.0 prints it: a state letter, then flag letters/`<`/`+`, where the
 * nice flag `N` or `<` may sit after one space (`R N`, `S <`). Digits never occur, so a following
 * number (`227:33`) is never swallowed. `statEnd` reads exactly /^[A-Z][A-Za-z<+]*(?: ?[<N+]+)?/.
 */
function statEnd(text: string, from: number): number {
  if (!isUpper(text.charCodeAt(from))) return from;
  let index = from + 1;
  while (index < text.length && isStatFlag(text.charCodeAt(index))) index += 1;
  // After the greedy flag run, only " N"/" <"/" +" can extend the state: N, < and + are flags too.
  if (text.charCodeAt(index) === SPACE && isSpacedFlag(text.charCodeAt(index + 1))) {
    index += 2;
    while (index < text.length && isSpacedFlag(text.charCodeAt(index))) index += 1;
  }
  return index;
}

const SPACE = 0x20;

function isUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isStatFlag(code: number): boolean {
  return isUpper(code) || (code >= 0x61 && code <= 0x7a) || code === 0x3c || code === 0x2b;
}

function isSpacedFlag(code: number): boolean {
  return code === 0x3c || code === 0x4e || code === 0x2b;
}

/** How a column's cell is found in a row. */
type CellShape = 'token' | 'stat' | 'node-before-time';

export interface TableLayout {
  /** Upper-cased column names in header order (CMD, COMM, ARGS read as COMMAND; STA as STAT); the last takes the rest of the line. */
  readonly columns: readonly string[];
  readonly shapes: readonly CellShape[];
}

/** Names some procps formats give columns, read as the usual ones. */
const COLUMN_ALIASES: ReadonlyMap<string, string> = new Map([['CMD', 'COMMAND'], ['COMM', 'COMMAND'], ['ARGS', 'COMMAND'], ['STA', 'STAT']]);

/**
 * The layout a header line describes, or why it is not a usable header. COMMAND must be the last
 * column unless `commandAnywhere` (mps --ominfo prints it second, as a single word).
 */
export function readHeader(text: string, required: readonly string[], commandAnywhere = false): TableLayout | string {
  const columns = words(text).map((name) => name.toUpperCase()).map((name) => COLUMN_ALIASES.get(name) ?? name);
  const last = columns[columns.length - 1] ?? '';
  if (!commandAnywhere && last !== 'COMMAND') return `expected the last header column to be COMMAND, got ${quoteOrEnd(last)}`;
  const missing = [...required, 'COMMAND'].filter((name) => !columns.includes(name));
  if (missing.length > 0) return `expected the header to name ${missing.join(', ')}, got ${quoteOrEnd(text)}`;
  const shapes = columns.map((name, index): CellShape => {
    if (name === 'STAT') return 'stat';
    return name === 'NODE' && columns[index + 1] === 'TIME' ? 'node-before-time' : 'token';
  });
  return { columns, shapes };
}

/** A column the parser does not know, with the index of its (last) cell. */
export type ExtraColumn = readonly [name: string, index: number];

/**
 * The columns not in `known`, in header order; a repeated one counts by its last cell, as a
 * record keyed by name would.
 */
export function extraColumns(layout: TableLayout, known: ReadonlySet<string>): readonly ExtraColumn[] {
  const names = layout.columns;
  const unknown = [...new Set(names.filter((name) => !known.has(name)))];
  return unknown.map((name) => [name, names.lastIndexOf(name)] as const);
}

/** A row's cells under `extra`'s columns, by name. */
export function extraCells(cells: readonly string[], extra: readonly ExtraColumn[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, index] of extra) found[name] = cells[index] ?? '';
  return found;
}

/**
 * A NODE cell that may run into the TIME after it: `mps l` prints NODE as `%5d` and then TIME
 * as six characters, so `    0227:33` is node 0 at 227:33 and ` 2780227:33` node 2780. A token
 * with a `:` two places from its end and more than six characters keeps all but its last six.
 */
function nodeEnd(text: string, from: number): number {
  const end = tokenEnd(text, from);
  return end - from > TIME_WIDTH && text.charCodeAt(end - 3) === COLON ? end - TIME_WIDTH : end;
}

const TIME_WIDTH = 6;
const COLON = 0x3a;

/** True when the line looks like a header: names PID and a command column. */
export function looksLikeHeader(text: string): boolean {
  if (text.length > MAX_LINE.TABLE) return false;
  const names = words(text).map((name) => name.toUpperCase());
  return names.includes('PID') && names.some((name) => COMMAND_NAMES.has(name));
}

/** The first line of an `lfText` that `looksLikeHeader`: its index and where it starts and ends. */
export interface HeaderLine {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** Where the table's header is in `text` (an `lfText`), or null when no line looks like one. */
export function findHeaderLine(text: string): HeaderLine | null {
  for (let index = 0, start = 0, end = 0; start <= text.length; index += 1, start = end + 1) {
    end = lineEnd(text, start);
    if (looksLikeHeader(text.slice(start, end))) return { index, start, end };
  }
  return null;
}

/**
 * Reads one row's cells by position into `cells` (reused from row to row) and returns how many
 * were read. The last cell is the rest of the line, trimmed. When fewer than all were read,
 * `cells[count]` holds what stood where the missing cell should be: the next token, or "".
 */
export function scanRow(text: string, layout: TableLayout, cells: string[]): number {
  const count = cellBounds(text, layout, BOUNDS);
  const failed = count < layout.columns.length ? count : count - 1;
  for (let index = 0; index <= failed; index += 1) cells[index] = text.slice(BOUNDS[2 * index] ?? 0, BOUNDS[2 * index + 1] ?? 0);
  return count;
}

// scanRow's bounds: it slices them at once, so one array serves every call.
const BOUNDS: number[] = [];

/**
 * Where `scanRow`'s cells lie, without cutting them out: cell i is `text.slice(bounds[2i],
 * bounds[2i + 1])`, for i up to the count returned (and the missing cell's stand-in, as scanRow).
 * For readers that convert most cells to numbers in place. The row is the whole text, or its line
 * `from`-`to` when the text is an `lfText` and `to` is that line's end (an LF or the text's end:
 * whitespace, so every token stops there by itself).
 */
export function cellBounds(text: string, layout: TableLayout, bounds: number[], from = 0, to = text.length): number {
  const last = layout.columns.length - 1;
  let position = from;
  for (let index = 0; index < last; index += 1) {
    const start = skipWhitespace(text, position, to);
    const shape = layout.shapes[index];
    const end = shape === 'stat' ? statEnd(text, start) : shape === 'node-before-time' ? nodeEnd(text, start) : tokenEnd(text, start);
    bounds[2 * index] = start;
    if (end === start) {
      bounds[2 * index + 1] = tokenEnd(text, start);
      return index;
    }
    bounds[2 * index + 1] = end;
    position = end;
  }
  // The rest of the line, trimmed as String#trim does (the same whitespace).
  let end = to;
  while (end > position && isWhitespace(text.charCodeAt(end - 1))) end -= 1;
  bounds[2 * last] = skipWhitespace(text, position, to);
  bounds[2 * last + 1] = Math.max(end, bounds[2 * last] ?? 0);
  return last + 1;
}

/** A CPU time somewhere in the line: tells a damaged table row from trailing non-table text. */
export function hasTimeToken(text: string): boolean {
  return /(?:^|[\sA-Z<])\d+:\d\d(?:\s|$)/.test(text);
}
