// Strict number reading: the tools print plain decimal digits, so anything else (exponents, hex,
// digits beyond the safe-integer range) is rejected rather than guessed at.
// Shapes are checked by character code, not by regex, and short values are computed without
// Number(): these run once per cell of tables with 10,000 rows, where both showed in profiles.

export interface IntRange {
  readonly min?: number;
  readonly max?: number;
}

/** A decimal integer within range, or null. `Number("1e3")` would accept far too much. */
export function readInt(text: string, range: IntRange = NO_RANGE): number | null {
  const digitsFrom = signLength(text);
  if (text.length === digitsFrom || digitRunEnd(text, digitsFrom) !== text.length) return null;
  const value = plainNumberValue(text, text.length);
  if (!Number.isSafeInteger(value)) return null;
  return inRange(value, range) ? value : null;
}

/** A decimal like `85.5`, `160.8` or `0`, or null. */
export function readDecimal(text: string, range: IntRange = NO_RANGE): number | null {
  if (text.length > 30 || plainDecimalEnd(text) !== text.length) return null;
  const value = plainNumberValue(text, text.length);
  if (!Number.isFinite(value)) return null;
  return inRange(value, range) ? value : null;
}

/**
 * Where the plain decimal /^[-+]?\d+(?:\.\d+)?/ at the start of `text` ends, or -1 if none is there.
 * `maxFraction` limits the digits after the point (a longer fraction is no match).
 */
export function plainDecimalEnd(text: string, maxFraction = Infinity): number {
  const digitsFrom = signLength(text);
  const wholeTo = digitRunEnd(text, digitsFrom);
  if (wholeTo === digitsFrom) return -1;
  if (text.charCodeAt(wholeTo) !== DOT) return wholeTo;
  const fractionTo = digitRunEnd(text, wholeTo + 1);
  const fractionDigits = fractionTo - wholeTo - 1;
  if (fractionDigits === 0) return wholeTo;
  return fractionDigits <= maxFraction ? fractionTo : -1;
}

/**
 * `Number(text.slice(0, end))` for a plain decimal already checked to end at `end`. Up to 15
 * digits, the digits form an exact integer and one division by an exact power of ten rounds
 * once, correctly, just as Number() does; longer values go through Number().
 */
export function plainNumberValue(text: string, end: number, from = 0): number {
  let digits = 0;
  let scaled = 0;
  let fractionDigits = -1;
  const first = text.charCodeAt(from);
  for (let index = first === PLUS || first === MINUS ? from + 1 : from; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === DOT) {
      fractionDigits = 0;
      continue;
    }
    scaled = scaled * 10 + (code - ZERO);
    digits += 1;
    if (fractionDigits >= 0) fractionDigits += 1;
  }
  if (digits > EXACT_DIGITS) return Number(from === 0 && end === text.length ? text : text.slice(from, end));
  const magnitude = fractionDigits > 0 ? scaled / POWERS_OF_TEN[fractionDigits]! : scaled;
  // `-0` stays -0, as Number("-0") is.
  return first === MINUS ? -magnitude : magnitude;
}

/**
 * `readInt(text.slice(from, to), range)` for a cell of unsigned digits, read in place (no slice);
 * null for anything else (a sign, more than 15 digits, other characters, out of range), which the
 * caller then reads the ordinary way. For the cells of 10,000-row tables.
 */
export function readUnsignedIntIn(text: string, from: number, to: number, range: IntRange): number | null {
  if (to <= from || to - from > EXACT_DIGITS || digitRunEnd(text, from) !== to) return null;
  const value = plainNumberValue(text, to, from);
  return inRange(value, range) ? value : null;
}

/** `readDecimal(text.slice(from, to), range)` for an unsigned cell like `85.5`, in place; null as `readUnsignedIntIn`. */
export function readUnsignedDecimalIn(text: string, from: number, to: number, range: IntRange): number | null {
  if (to - from > 30) return null;
  const wholeTo = digitRunEnd(text, from);
  if (wholeTo === from || wholeTo > to) return null;
  if (wholeTo < to && (text.charCodeAt(wholeTo) !== DOT || wholeTo + 1 === to || digitRunEnd(text, wholeTo + 1) !== to)) return null;
  const value = plainNumberValue(text, to, from);
  return Number.isFinite(value) && inRange(value, range) ? value : null;
}

/** The index just past the run of ASCII digits starting at `from`. */
export function digitRunEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && isDigit(text.charCodeAt(index))) index += 1;
  return index;
}

const NO_RANGE: IntRange = {};
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
/** Up to 15 digits, summing digit by digit is exact (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** Parsed from `1eN` literals, so each is exact. */
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, power) => Number(`1e${power}`));

function signLength(text: string): number {
  const first = text.charCodeAt(0);
  return first === PLUS || first === MINUS ? 1 : 0;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function inRange(value: number, range: IntRange): boolean {
  return !(range.min !== undefined && value < range.min) && !(range.max !== undefined && value > range.max);
}

/** openMosix node numbers are 16 bits (autodiscovery uses the low 16 bits of the IPv4 address). */
export const MAX_NODE_ID = 65535;

/** Largest PID Linux hands out (PID_MAX_LIMIT on 64-bit). */
export const MAX_PID = 4194304;

/** The match group `index`, or "" when the group did not take part. */
export function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? '';
}

/** Bounds for the process-table columns that mps and mtop share. NODE -1: openMosix not configured (2.6 beta). */
export const PID_RANGE = { min: 0, max: MAX_PID } as const;
export const NODE_RANGE = { min: -1, max: MAX_NODE_ID } as const;
export const PERCENT_RANGE = { min: 0 } as const;
