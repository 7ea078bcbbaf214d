import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../../../bench/lib/row.js';
import { formatTable, tableCells } from '../../../bench/lib/table.js';

const row: BenchRow = {
  bench: '1 parsers', name: 'mps: rows/s', value: 61209.4, unit: 'rows/s', baseline: 'JSON.parse 1,534,801 rows/s',
  ratio: 0.04, target: { on: 'ratio', atLeast: 0.5 }, note: 'a | b',
};

describe('tableCells', () => {
  it('formats value, ratio, target and whether it was met', () => {
    expect(tableCells(row)).toEqual(['1 parsers', 'mps: rows/s', '61,209', 'rows/s', 'JSON.parse 1,534,801 rows/s', '0.040×', '≥ 0.5×', 'NO', 'a | b']);
  });

  it('leaves ratio and met empty when there is nothing to show', () => {
    const cells = tableCells({ bench: 'x', name: 'y', value: null, unit: '', note: 'FAILED: no blender' });
    expect(cells[2]).toBe('—');
    expect(cells[5]).toBe('');
    expect(cells[7]).toBe('');
  });
});

describe('formatTable', () => {
  it('gives a Markdown table with equal-width columns and escaped pipes', () => {
    const lines = formatTable([row, { ...row, name: 'short', note: '' }]).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| bench +\| measure +\| value +\|/);
    expect(lines[1]).toMatch(/^\|-+\|-+\|/);
    expect(lines[2]).toContain('a \\| b');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});
