// Strict number reading: the tools print plain decimal digits, so anything else (exponents, hex,
// digits beyond the safe-integer range) is rejected rather than guessed at.

export interface IntRange {
  readonly min?: number;
  readonly max?: number;
}

/** A decimal integer within range, or null. `Number("1e3")` would accept far too much. */
export function readInt(text: string, range: IntRange = {}): number | null {
  if (!/^[-+]?\d+$/.test(text)) return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return null;
  if (range.min !== undefined && value < range.min) return null;
  if (range.max !== undefined && value > range.max) return null;
  return value;
}

/** A decimal like `85.5`, `160.8` or `0`, or null. */
export function readDecimal(text: string, range: IntRange = {}): number | null {
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(text) || text.length > 30) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  if (range.min !== undefined && value < range.min) return null;
  if (range.max !== undefined && value > range.max) return null;
  return value;
}

/** openMosix node numbers are 16 bits (autodiscovery uses the low 16 bits of the IPv4 address). */
export const MAX_NODE_ID = 65535;

/** Largest PID Linux hands out (PID_MAX_LIMIT on 64-bit). */
export const MAX_PID = 4194304;

/** The match group `index`, or "" when the group did not take part. */
export function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? '';
}
