// Where a JSON text first goes wrong, as a character offset, for an error message's line number.
// JSON.parse in Node 20 says only "Unexpected token" without a position. One pass, no values
// built, an explicit stack (no recursion, so deep nesting cannot overflow).

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

type Expect = 'value' | 'key' | 'colon' | 'after';

/** The offset of the first character that cannot continue a JSON text; -1 when it is valid. */
export function jsonErrorAt(text: string): number {
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  let expect: Expect = 'value';
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  for (;;) {
    skip();
    if (i >= text.length) return stack.length === 0 && expect === 'after' ? -1 : i;
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (expect === 'after') {
      if (top === undefined) return i; // text after the one value
      if (c === 0x2c) { i++; expect = top === 0x7b ? 'key' : 'value'; continue; }
      if ((c === 0x7d && top === 0x7b) || (c === 0x5d && top === 0x5b)) { stack.pop(); i++; continue; }
      return i;
    }
    if (expect === 'colon') {
      if (c !== 0x3a) return i;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'key') {
      if (c === 0x7d && text.charCodeAt(i - 1) !== 0x2c && stack.length > 0 && isJustOpened(text, i)) { stack.pop(); i++; expect = 'after'; continue; }
      if (!token(STRING)) return i;
      expect = 'colon';
      continue;
    }
    // a value
    if (c === 0x7b) { stack.push(c); i++; expect = 'key'; continue; }
    if (c === 0x5b) {
      stack.push(c);
      i++;
      skip();
      if (text.charCodeAt(i) === 0x5d) { stack.pop(); i++; expect = 'after'; }
      continue;
    }
    const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, i));
    if (word !== undefined) i += word.length;
    else if (!token(STRING) && !token(NUMBER)) return i;
    expect = 'after';
  }
}

/** True when the `}` at `at` closes an object opened just before (only whitespace between). */
function isJustOpened(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && WS.has(text.charCodeAt(j))) j--;
  return text.charCodeAt(j) === 0x7b;
}
