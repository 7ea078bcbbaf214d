// Line splitting and quoting shared by every parser. Tool output arrives with LF or CRLF endings,
// and mtop without TERM=dumb may carry termcap bold/reverse sequences; neither may reach a parser.

import type { ParseWarning } from '../result.js';
import { skipWhitespace, tokenEnd } from './whitespace.js';

/** One input line with its 1-based number, line ending and terminal escapes removed. */
export interface Line {
  readonly number: number;
  readonly text: string;
}

// CSI sequences (ESC [ ... letter), charset switches (ESC ( B) and shift-in/shift-out.
const TERMINAL_ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|[\x0e\x0f]/g;

/**
 * True when the text holds a byte a terminal escape could start with (ESC, SO or SI); text
 * without one needs no per-line stripping. Three `includes` rather than the class /[\x1b\x0e\x0f]/:
 * V8 searches a string for one character far faster than it runs a pattern over it (bench 1's
 * `mps auxww` text: 0.11 against 1.5 ms).
 */
function hasEscapeStart(text: string): boolean {
  return text.includes('\x1b') || text.includes('\x0e') || text.includes('\x0f');
}

/** Splits on LF, CRLF or a lone CR; line numbers count exactly as `lineCount` does. */
function splitLines(text: string): Line[] {
  return splitLineTexts(text).map((lineText, index) => ({ number: index + 1, text: lineText }));
}

/**
 * The texts of `splitLines` without a `Line` per line (line N is at index N - 1), for the
 * 10,000-row tables. Escapes are stripped per line, after splitting, so a removed escape can
 * never join a CR and an LF into one line ending.
 */
export function splitLineTexts(text: string): string[] {
  const raw = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (!hasEscapeStart(text)) return raw;
  return raw.map((lineText) => lineText.replace(TERMINAL_ESCAPES, ''));
}

/**
 * The text with its lines exactly as `splitLineTexts` gives them, joined by LF: the text itself
 * when it has no CR and no terminal escape (nearly always). Readers of 10,000-row tables walk its
 * lines by position (`lineEnd`) instead of holding a string per line.
 */
export function lfText(text: string): string {
  return text.includes('\r') || hasEscapeStart(text) ? splitLineTexts(text).join('\n') : text;
}

/** Where the line that starts at `start` of an `lfText` ends (its LF, or the end of the text). */
export function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/** Number of lines a text has for error reporting (an error's line never exceeds this). */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** The lines that carry text. */
export function nonBlankLines(text: string): Line[] {
  return splitLines(text).filter((line) => !isBlank(line));
}

const MAX_QUOTED = 60;

/** A found value for an error message: JSON-quoted (so control bytes stay visible) and shortened. */
export function quote(found: string): string {
  const trimmed = found.trim();
  const short = trimmed.length > MAX_QUOTED ? `${trimmed.slice(0, MAX_QUOTED)}…` : trimmed;
  return JSON.stringify(short);
}

/** The warning for a line after the one value a single-value output holds. */
export function trailingTextWarning(line: Line): ParseWarning {
  return { line: line.number, message: `ignored trailing text ${quote(line.text)}` };
}

/** Like `quote`, but says "end of line" instead of `""`. */
export function quoteOrEnd(found: string | undefined): string {
  return found === undefined || found.trim() === '' ? 'end of line' : quote(found);
}

/** The whitespace-separated words of a line, found in one pass (never a backtracking regex). */
export function words(text: string): string[] {
  const found: string[] = [];
  let position = skipWhitespace(text, 0);
  while (position < text.length) {
    const end = tokenEnd(text, position);
    found.push(text.slice(position, end));
    position = skipWhitespace(text, end);
  }
  return found;
}

/**
 * Longest lines the openMosix tools print, with room to spare. A longer line is not their output
 * (a corrupted pipe, a hostile file): parsers skip it with `overlongLineWarning`, or reject it
 * when it is the one line a query prints.
 *   ONE_LINE  a mosctl answer, a setpe or showmap line, a /proc/hpc number: under 120 characters
 *             plus a host name (at most 253).
 *   TABLE     an mps/mtop row: about 80 characters plus the command line, which the 2.4 kernel
 *             gives ps one page (4096 bytes) of.
 */
export const MAX_LINE = { ONE_LINE: 1024, TABLE: 8192 } as const;

/** The warning for a line skipped for being longer than any real one. */
export function overlongLineWarning(lineNumber: number, length: number, limit: number): ParseWarning {
  return { line: lineNumber, message: `ignored a line of ${length} characters (no real tool line is longer than ${limit})` };
}

/** The message for the one line of a query being longer than any real one. */
export function overlongLineMessage(length: number, limit: number): string {
  return `expected one short line, got ${length} characters (no real tool line is longer than ${limit})`;
}
