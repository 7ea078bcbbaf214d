import { describe, expect, it } from 'vitest';
import { isBlankText, isWhitespace, skipWhitespace, tokenEnd } from '../../../parsers/util/whitespace.js';

describe('whitespace by character code', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });

  it('skips to and past tokens as /\\s*/ and /\\S+/ would', () => {
    const text = ' \t\u00a0abc\u3000d';
    expect(skipWhitespace(text, 0)).toBe(3);
    expect(tokenEnd(text, 3)).toBe(6);
    expect(skipWhitespace(text, 6)).toBe(7);
    expect(tokenEnd(text, 7)).toBe(8);
    expect(skipWhitespace(text, 8)).toBe(8);
  });

  it('tells blank text as trim() does', () => {
    for (const text of ['', ' ', '\t\r', '\ufeff\u2028', ' x ', '\u200b']) {
      expect(isBlankText(text)).toBe(text.trim() === '');
    }
  });
});
