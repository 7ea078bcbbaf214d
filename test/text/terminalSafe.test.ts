// Hostile text made harmless for a terminal: escape sequences, C1 controls and bidi overrides show
// as visible escapes; JSON stays JSON with the exact text.
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeLines } from '../../src/text/terminalSafe.js';

/** What a hostile tool or file can carry. */
const HOSTILE = {
  retitle: '\u001b]0;pwned\u0007',
  reset: 'x\u001bcy',
  clipboard: '\u001b]52;c;cm0gLXJmIH4K\u0007',
  csi8bit: 'a\u009b2Jb',
  osc8bit: '\u009d0;title\u009c',
  rlo: 'invoice\u202egnp.exe',
  isolate: '\u2066x\u2069',
  marks: '\u200e\u200f\u061c',
  separators: 'a\u2028b\u2029c',
  carriage: 'ok\rFAKED',
  delete: 'a\u007fb',
};

/** A character no terminal may receive raw from tool text. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('writes every control, C1 and bidi character as a visible escape', () => {
    expect(terminalSafe(HOSTILE.retitle)).toBe('\\u001b]0;pwned\\u0007');
    expect(terminalSafe(HOSTILE.reset)).toBe('x\\u001bcy');
    expect(terminalSafe(HOSTILE.clipboard)).toBe('\\u001b]52;c;cm0gLXJmIH4K\\u0007');
    expect(terminalSafe(HOSTILE.csi8bit)).toBe('a\\u009b2Jb');
    expect(terminalSafe(HOSTILE.rlo)).toBe('invoice\\u202egnp.exe');
    expect(terminalSafe(HOSTILE.isolate)).toBe('\\u2066x\\u2069');
    expect(terminalSafe(HOSTILE.marks)).toBe('\\u200e\\u200f\\u061c');
    expect(terminalSafe(HOSTILE.separators)).toBe('a\\u2028b\\u2029c');
    expect(terminalSafe(HOSTILE.carriage)).toBe('ok\\rFAKED');
    expect(terminalSafe(HOSTILE.delete)).toBe('a\\u007fb');
    for (const text of Object.values(HOSTILE)) expect(terminalSafe(text)).not.toMatch(CONTROL);
  });

  it('keeps an error on one line: newlines and tabs are escaped too', () => {
    expect(terminalSafe('frames/a\nb.blend')).toBe('frames/a\\nb.blend');
    expect(terminalSafe('x\r\ty\u0007')).toBe('x\\r\\ty\\u0007');
  });

  it('leaves ordinary text, quotes, non-ASCII and emoji alone', () => {
    expect(terminalSafe('my scene "v2" — ünï.blend ✓ 🎬 日本')).toBe('my scene "v2" — ünï.blend ✓ 🎬 日本');
  });
});

describe('terminalSafeLines', () => {
  it('keeps newlines and tabs, escapes the rest', () => {
    expect(terminalSafeLines('NODE\tLOAD\n266\t75\u001b[2J\n')).toBe('NODE\tLOAD\n266\t75\\u001b[2J\n');
    for (const text of Object.values(HOSTILE)) expect(terminalSafeLines(text)).not.toMatch(CONTROL);
  });

  it('keeps JSON valid and its strings exact', () => {
    const value = { names: Object.values(HOSTILE), nested: { line: 'a\nb\tc' } };
    for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const safe = terminalSafeLines(json);
      expect(safe).not.toMatch(CONTROL);
      expect(JSON.parse(safe)).toEqual(value);
    }
  });
});
