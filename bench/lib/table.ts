// The results as a Markdown table (readable in a terminal, pasteable into the README).
import { type BenchRow, formatNumber, formatTarget, meetsTarget } from './row.js';

const HEADERS = ['bench', 'measure', 'value', 'unit', 'baseline', 'ratio', 'target', 'met', 'note'] as const;

export function tableCells(row: BenchRow): string[] {
  const met = meetsTarget(row);
  return [
    row.bench,
    row.name,
    formatNumber(row.value),
    row.unit,
    row.baseline ?? '',
    row.ratio === undefined ? '' : `${formatNumber(row.ratio)}${row.ratio === null ? '' : '×'}`,
    formatTarget(row.target, row.unit),
    met === null ? '' : met ? 'yes' : 'NO',
    row.note ?? '',
  ];
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Columns are padded to a common width, so the table reads well in a terminal too. */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map((row) => tableCells(row).map(escapeCell));
  const widths = HEADERS.map((header, column) => Math.max(3, header.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return `${[line(HEADERS), rule, ...body.map(line)].join('\n')}\n`;
}
