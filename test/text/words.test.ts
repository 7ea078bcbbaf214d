import { describe, expect, it } from 'vitest';
import { displayWidth, fitWords, prefixOfWidth, wrapWords } from '../../src/text/format.js';

describe('fitWords', () => {
  it('leaves a line that fits alone', () => {
    expect(fitWords('node 258 is down', 40)).toBe('node 258 is down');
  });

  it('cuts at a word boundary, never inside a word, and says where the rest is', () => {
    const text = 'node 258 is down (Error: Network is unreachable) · node 407 did not answer, showing older values';
    const cut = fitWords(text, 60, ' (E: event log)');
    expect(cut).toBe('node 258 is down (Error: Network is… (E: event log)');
    expect(cut.length).toBeLessThanOrEqual(60);
    for (const width of [20, 33, 47, 59, 80]) {
      const line = fitWords(text, width);
      expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // What is kept is whole words of the original.
      const kept = line.replace(/…$/, '');
      expect(text.startsWith(kept)).toBe(true);
      expect(text.slice(kept.length)).toMatch(/^[\s·,;:(]/);
    }
  });

  it('cuts a single word longer than the line', () => {
    expect(fitWords('/very/long/path/without/spaces/at/all', 12)).toBe('/very/long/…');
  });
});

describe('wrapWords', () => {
  it('wraps at spaces with an indent after the first line', () => {
    expect(wrapWords('expel from 261: guests sent away; load 186 → 105', 22, '  ')).toEqual([
      'expel from 261: guests', '  sent away; load 186', '  → 105',
    ]);
  });

  it('splits a word longer than a line and keeps every character', () => {
    const lines = wrapWords('a abcdefghijklmnopqrstuvwxyz b', 10);
    expect(lines.every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe('aabcdefghijklmnopqrstuvwxyzb');
  });

  it('counts wide characters twice', () => {
    expect(prefixOfWidth('日本語', 5)).toBe('日本');
    expect(wrapWords('日本語のファイル 名前', 8).every((l) => displayWidth(l) <= 8)).toBe(true);
  });
});

describe('fitWords and wrapWords with hostile text', () => {
  const hostile = 'garbage \u001b]0;pwned\u0007 \u009b2J \u202eright\tto\nleft';

  it('show every control, C1 code and bidi override as a visible escape; line breaks and tabs are spaces', () => {
    expect(fitWords(hostile, 200)).toBe('garbage \\u001b]0;pwned\\u0007 \\u009b2J \\u202eright to left');
    expect(wrapWords(hostile, 200)).toEqual(['garbage \\u001b]0;pwned\\u0007 \\u009b2J \\u202eright to left']);
  });

  it('never let a raw control through, however the line is cut', () => {
    const raw = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const width of [3, 9, 14, 30]) {
      expect(fitWords(hostile, width, ' (E)')).not.toMatch(raw);
      for (const line of wrapWords(hostile, width, '  ')) expect(line).not.toMatch(raw);
    }
  });
});
