import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellBounds, findHeaderLine, looksLikeHeader, readHeader, scanRow, type TableLayout } from '../../../parsers/util/table.js';
import { lfText, splitLineTexts } from '../../../parsers/util/lines.js';

describe('table reading', () => {
  const layout = readHeader('  PID TTY NODE STAT TIME COMMAND', ['PID']) as TableLayout;

  it('reads STAT with a space, touching TIME, and keeps the command whole', () => {
    const cells: string[] = [];
    expect(scanRow(' 4501  ?    -1 R N227:33 ./dnetc -numcpu 0  ', layout, cells)).toBe(6);
    expect(cells).toEqual(['4501', '?', '-1', 'R N', '227:33', './dnetc -numcpu 0']);
  });

  it('stops at the first cell that is missing and holds what stood there', () => {
    const cells: string[] = [];
    expect(scanRow(' 4501 ? 0 5 0:00 x', layout, cells)).toBe(3);
    expect(cells[3]).toBe('5');
  });

  it('requires COMMAND last and the named columns', () => {
    expect(readHeader('PID COMMAND TIME', [])).toContain('COMMAND');
    expect(readHeader('PID TIME CMD', ['NODE'])).toContain('NODE');
  });

  it('scans a row into the same cells as whitespace tokens and the STAT pattern would', () => {
    const stat = /^[A-Z][A-Za-z<+]*(?: ?[<N+]+)?/;
    const reference = (text: string): string[] => {
      const cells: string[] = [];
      let rest = text;
      for (const column of layout.columns.slice(0, -1)) {
        rest = rest.trimStart();
        const cell = column === 'STAT' ? stat.exec(rest) : /^\S+/.exec(rest);
        if (!cell) return [...cells, rest.split(/\s+/)[0] ?? ''];
        cells.push(cell[0]);
        rest = rest.slice(cell[0].length);
      }
      return [...cells, rest.trim()];
    };
    const token = fc.constantFrom('4501', '?', '-1', 'R', 'R N', 'S <', 'SW<+', 'N227:33', 'r', '0:00', 'x y', '', ' ', '\t', '\u00a0', '\u3000');
    fc.assert(fc.property(fc.array(token, { maxLength: 9 }), (tokens) => {
      const text = tokens.join(' ');
      const cells: string[] = [];
      const count = scanRow(text, layout, cells);
      const expected = reference(text);
      expect(cells.slice(0, count + (count < layout.columns.length ? 1 : 0))).toEqual(expected);
    }), { numRuns: 5000 });
  });

  const cellToken = fc.constantFrom('4501', '?', '-1', 'R', 'R N', 'S <', 'N227:33', '0:00', 'x y', '', ' ', '\t', '\u00a0', '\n', '\r', 'PID', 'COMMAND');

  it('finds a line inside a text where it finds the same line on its own', () => {
    fc.assert(fc.property(fc.array(cellToken, { maxLength: 12 }), fc.array(cellToken, { maxLength: 12 }), fc.array(cellToken, { maxLength: 12 }), (before, row, after) => {
      const line = row.join(' ').replace(/[\r\n]/g, ' ');
      const text = `${before.join(' ').replace(/[\r\n]/g, ' ')}\n${line}\n${after.join(' ')}`;
      const from = text.indexOf('\n') + 1;
      const alone: number[] = [];
      const inside: number[] = [];
      const count = cellBounds(line, layout, alone);
      expect(cellBounds(text, layout, inside, from, from + line.length)).toBe(count);
      const used = 2 * Math.min(count + 1, layout.columns.length);
      expect(inside.slice(0, used)).toEqual(alone.slice(0, used).map((at) => at + from));
    }), { numRuns: 5000 });
  });

  it('finds the header on the line splitLineTexts and looksLikeHeader find it on', () => {
    let headers = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...[' PID ', ' COMMAND', ' CMD ', 'USER ', 'x', ' ', '\n', '\r\n', '\r', '\x1b[1m', 'pid ']), { maxLength: 16 }), (pieces) => {
      const text = pieces.join('');
      const index = splitLineTexts(text).findIndex(looksLikeHeader);
      if (index >= 0) headers += 1;
      const source = lfText(text);
      const found = findHeaderLine(source);
      expect(found?.index ?? -1).toBe(index);
      if (found) expect(source.slice(found.start, found.end)).toBe(splitLineTexts(text)[index]);
    }), { numRuns: 5000 });
    expect(headers).toBeGreaterThan(200);
  });
});
