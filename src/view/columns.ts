// Fits a set of columns into a width: low-priority columns are dropped until the rest fit,
// then the one flexible column takes what is left. Only the rows asked for are formatted.
import { fit } from '../text/format.js';

export interface Column<Row> {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
  /** Higher stays longer when space runs out. */
  readonly priority: number;
  /** Takes the leftover width (at least `width`). */
  readonly flex?: boolean;
  readonly cell: (row: Row, width: number) => string;
}

export interface FittedColumn<Row> extends Column<Row> {
  readonly fittedWidth: number;
}

export function fitColumns<Row>(columns: readonly Column<Row>[], totalWidth: number): FittedColumn<Row>[] {
  let kept = [...columns];
  const needed = (cols: readonly Column<Row>[]): number => cols.reduce((sum, c) => sum + c.width, 0) + Math.max(0, cols.length - 1);
  while (kept.length > 1 && needed(kept) > totalWidth) {
    const lowest = kept.reduce((a, b) => (b.priority < a.priority ? b : a));
    kept = kept.filter((c) => c !== lowest);
  }
  const spare = Math.max(0, totalWidth - needed(kept));
  const flexIndex = kept.findIndex((c) => c.flex === true);
  return kept.map((c, i) => ({ ...c, fittedWidth: c.width + (i === flexIndex ? spare : 0) }));
}

export function formatHeader<Row>(columns: readonly FittedColumn<Row>[]): string {
  return columns.map((c) => fit(c.header, c.fittedWidth, c.align)).join(' ');
}

export function formatRow<Row>(columns: readonly FittedColumn<Row>[], row: Row): string {
  return columns.map((c) => fit(c.cell(row, c.fittedWidth), c.fittedWidth, c.align)).join(' ');
}
