// The one line `setpe -r` prints per range, read by character code without cutting the line into
// words: a 1,000-node map is 1,000 such lines, and splitting each into words and lower-casing
// them took most of the parse. Only the plain shape is read here,
//   OpenMosix range   258-260   begins at 10.0.1.2
// (any letter case, any whitespace between the words, node numbers of plain digits within
// 1-65535, first ≤ last); anything else gives null and the caller reads the line word by word,
// which is where every error message comes from. So this scan never decides a different outcome,
// it only skips the words.

import { MAX_NODE_ID } from '../util/numbers.js';
import { skipWhitespace, tokenEnd } from '../util/whitespace.js';

export interface RangeLine {
  readonly first: number;
  readonly last: number;
  readonly address: string;
}

/**
 * The range a plain `OpenMosix range FIRST-LAST begins at ADDRESS` line holds, or null. The line is
 * the whole text, or `text.slice(from, to)` when the text is an `lfText` and `to` is that line's end.
 */
export function scanRangeLine(text: string, from = 0, to = text.length): RangeLine | null {
  return scanPrintedRangeLine(text, from, to) ?? scanAnyRangeLine(text, from, to);
}

const PRINTED_START = 'OpenMosix range ';
const PRINTED_MIDDLE = 'begins at ';
const SPACE = 0x20;

/**
 * The line exactly as setpe's printf writes it (`OpenMosix range %5d-%-5d begins at %s`: these
 * letters, runs of plain spaces, nothing before or after), or null for any other line, which
 * `scanAnyRangeLine` then reads. Every check here is a narrower form of one there, so a line read
 * here gives what it gives there; a 1,000-node map is 1,000 of these lines, and this path makes no
 * call per character.
 */
function scanPrintedRangeLine(text: string, from: number, to: number): RangeLine | null {
  if (!text.startsWith(PRINTED_START, from)) return null;
  const spanStart = spacesEnd(text, from + PRINTED_START.length, to);
  const dash = nodeNumberEnd(text, spanStart, to);
  if (dash < 0 || text.charCodeAt(dash) !== DASH) return null;
  const spanEnd = nodeNumberEnd(text, dash + 1, to);
  if (spanEnd < 0 || text.charCodeAt(spanEnd) !== SPACE) return null;
  const first = nodeNumber(text, spanStart, dash);
  const last = nodeNumber(text, dash + 1, spanEnd);
  if (first < 1 || last < first || last > MAX_NODE_ID) return null;
  const middle = spacesEnd(text, spanEnd, to);
  if (!text.startsWith(PRINTED_MIDDLE, middle)) return null;
  const addressStart = spacesEnd(text, middle + PRINTED_MIDDLE.length, to);
  // The address runs to the line's end, with no whitespace in it.
  if (addressStart === to || tokenEnd(text, addressStart) !== to) return null;
  return { first, last, address: text.slice(addressStart, to) };
}

function spacesEnd(text: string, from: number, to: number): number {
  let index = from;
  while (index < to && text.charCodeAt(index) === SPACE) index += 1;
  return index;
}

/** Any plain range line (see the file's head), word by word without cutting out the words. */
function scanAnyRangeLine(text: string, from: number, to: number): RangeLine | null {
  let position = wordEnd(text, skipWhitespace(text, from, to), to, 'openmosix');
  position = wordEnd(text, skipWhitespace(text, position, to), to, 'range');
  if (position < 0) return null;
  const spanStart = skipWhitespace(text, position, to);
  const spanEnd = tokenEnd(text, spanStart);
  const dash = nodeNumberEnd(text, spanStart, spanEnd);
  if (dash < 0 || text.charCodeAt(dash) !== DASH || nodeNumberEnd(text, dash + 1, spanEnd) !== spanEnd) return null;
  const first = nodeNumber(text, spanStart, dash);
  const last = nodeNumber(text, dash + 1, spanEnd);
  if (first < 1 || last < first || last > MAX_NODE_ID) return null;
  position = wordEnd(text, skipWhitespace(text, spanEnd, to), to, 'begins');
  position = wordEnd(text, skipWhitespace(text, position, to), to, 'at');
  if (position < 0) return null;
  const addressStart = skipWhitespace(text, position, to);
  const addressEnd = tokenEnd(text, addressStart);
  if (addressEnd === addressStart || skipWhitespace(text, addressEnd, to) !== to) return null;
  return { first, last, address: text.slice(addressStart, addressEnd) };
}

const DASH = 0x2d;
const ZERO = 0x30;
/** Digits beyond this many cannot be a node number (and their sum stays exact). */
const MAX_DIGITS = 5;

/**
 * Where `word` (lower case ASCII) ends when the token at `from` is exactly it in any ASCII case,
 * else -1 (also for `from` = -1, so the calls chain). Letters are compared as ASCII; a word with a
 * non-ASCII letter is left to the word-by-word reader. `to` is where the line ends.
 */
function wordEnd(text: string, from: number, to: number, word: string): number {
  if (from < 0 || from + word.length > to) return -1;
  for (let index = 0; index < word.length; index += 1) {
    // `| 0x20` lower-cases an ASCII letter; `word` holds only lower-case letters.
    if ((text.charCodeAt(from + index) | 0x20) !== word.charCodeAt(index)) return -1;
  }
  const end = from + word.length;
  return tokenEnd(text, end) === end ? end : -1;
}

/** The end of a run of 1-5 digits at `from` (before `limit`), or -1 when there is none. */
function nodeNumberEnd(text: string, from: number, limit: number): number {
  let index = from;
  while (index < limit && isDigit(text.charCodeAt(index))) index += 1;
  return index === from || index - from > MAX_DIGITS ? -1 : index;
}

function nodeNumber(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) value = value * 10 + (text.charCodeAt(index) - ZERO);
  return value;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}
