// The table parsers walk an `lfText` line by line by position (`lineEnd`) instead of splitting the
// text; `splitLineTexts` (LF, CRLF or a lone CR; terminal escapes stripped per line) stays the
// definition of what a line is, so the walk must give exactly its lines, numbered alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lfText, lineEnd, splitLineTexts } from '../../../parsers/util/lines.js';

/** The lines a walk over `lfText(text)` visits, as the table readers walk them. */
function walk(text: string): string[] {
  const source = lfText(text);
  const lines: string[] = [];
  for (let start = 0, end = 0; start <= source.length; start = end + 1) {
    end = lineEnd(source, start);
    lines.push(source.slice(start, end));
  }
  return lines;
}

const piece = fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\r\r\n', '', ' ', 'PID', '1 ? 0 S 0:00 sh', '\x1b[1m', '\x1b[0m', '\x1b(B', '\x0e', '\x0f', '\x1b', '\x1b[', '\u2028', 'é');

describe('lfText lines', () => {
  it('walks exactly the lines splitLineTexts gives, for any mix of line endings and escapes', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join('');
      expect(walk(text)).toEqual(splitLineTexts(text));
    }), { numRuns: 20000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      expect(walk(text)).toEqual(splitLineTexts(text));
    }), { numRuns: 5000 });
  });

  it('is the text itself when there is nothing to normalise', () => {
    const text = 'a\nb\n\n';
    expect(lfText(text)).toBe(text);
    expect(walk(text)).toEqual(['a', 'b', '', '']);
    expect(lfText('a\r\nb\x1b[1m\rc')).toBe('a\nb\nc');
  });
});
