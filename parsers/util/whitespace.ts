// Whitespace by character code, for the row scanner. It must agree exactly with the regex `\s`
// (and so with String#trim), which the table reader used before: tool output may carry tabs,
// NBSPs or stray Unicode spaces, and a cell boundary must fall where it always did.

/** True for exactly the UTF-16 code units that `/\s/` matches. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The first index at or after `from` that is not whitespace (`end` when none is before it). */
export function skipWhitespace(text: string, from: number, end = text.length): number {
  let index = from;
  while (index < end && isWhitespace(text.charCodeAt(index))) index += 1;
  return index;
}

/** The index just past the run of non-whitespace starting at `from`. */
export function tokenEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && !isWhitespace(text.charCodeAt(index))) index += 1;
  return index;
}

/** Same as `text.trim() === ''`, without allocating. */
export function isBlankText(text: string): boolean {
  return skipWhitespace(text, 0) === text.length;
}
