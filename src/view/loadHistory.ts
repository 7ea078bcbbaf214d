// Per-node load history as one line chart: every node a series on one shared y-axis, so loads can
// be compared at a glance. Plain data only; src/ui/widgets/loadChart.ts hands it to blessed-contrib.
import type { ClusterSnapshot, NodeSnapshot } from '../model/snapshot.js';
import { fit } from '../text/format.js';
import type { PaneSize, Tone } from './tableVm.js';

export interface LoadSeriesVm {
  /** Node name as the legend shows it: `N261*` (the star marks the local node). */
  readonly title: string;
  /** One label per point, shared by every series (contrib reads the first series' labels). */
  readonly x: readonly string[];
  /** Oldest first, gaps already filled: contrib cannot draw null. */
  readonly y: readonly number[];
  /** Legend entry: title and the latest reading, or why there is none. */
  readonly legend: string;
  readonly tone: Tone;
}

export interface LoadChartVm {
  readonly title: string;
  readonly series: readonly LoadSeriesVm[];
  /** Top of the shared y-axis: a whole number of `yStep`s, never below 100 (one busy CPU). */
  readonly maxY: number;
  readonly yStep: number;
  /** false: no room or no readings for a plot; only the legend is drawn, from the top. */
  readonly plot: boolean;
  /** Legend cells per row, flowed to the pane's width. */
  readonly legend: readonly (readonly LegendCellVm[])[];
}

export interface LegendCellVm {
  /** Index into `series` (its colour), or null for the "+N more" cell. */
  readonly series: number | null;
  /** Already fitted to the cell width. */
  readonly text: string;
}

/** blessed-contrib's line chart keeps 11 pixels (about 3 rows) under the plot for x labels and the axis. */
export const CHART_FOOTER_ROWS = 3;
/** The legend sits in the two rows under the x-axis, where contrib would print x labels. */
export const LEGEND_ROWS_UNDER_AXIS = 2;
const MIN_PLOT_ROWS = 2;
const MIN_PLOT_COLS = 16;

/**
 * A reading is null when the node could not be read (down, or its source stale). contrib draws
 * every point and turns null into NaN pixels, so gaps are filled: inside the history with the
 * last known load (the line stays flat instead of falsely dropping to idle), and before the
 * first reading with 0 (nothing was known to run there).
 */
export function fillGaps(values: readonly (number | null)[]): number[] {
  let previous = 0;
  return values.map((v) => {
    if (v !== null && Number.isFinite(v)) previous = Math.max(0, v);
    return previous;
  });
}

/** The smallest 1, 2, 2.5 or 5 × 10^k step that is at least `raw`, so axis labels are round. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10;
  return Math.max(1, factor * power);
}

function toneOf(node: NodeSnapshot): Tone {
  if (node.pending === true) return 'dim';
  if (!node.up) return 'down';
  return node.stale ? 'stale' : 'normal';
}

function legendOf(node: NodeSnapshot, title: string, history: readonly (number | null)[]): string {
  if (node.pending === true) return `${title} pending`;
  if (!node.up) return `${title} down`;
  const last = history[history.length - 1];
  return `${title} ${last === null || last === undefined ? '-' : Math.round(last)}`;
}

function flowCells(series: readonly LoadSeriesVm[], cols: number, text: (s: LoadSeriesVm) => string): LegendCellVm[][] {
  const cellWidth = series.reduce((w, s) => Math.max(w, text(s).length + 2), 1);
  const perRow = Math.max(1, Math.floor(cols / cellWidth));
  const rows: LegendCellVm[][] = [];
  for (let i = 0; i < series.length; i += perRow) {
    rows.push(series.slice(i, i + perRow).map((s, k) => ({ series: i + k, text: fit(text(s), cellWidth) })));
  }
  return rows;
}

/**
 * Legend cells flowed into rows of equal cells: with each node's latest load when that fits,
 * else names only; when even those do not fit, the last cell says how many are left out.
 */
export function flowLegend(series: readonly LoadSeriesVm[], cols: number, maxRows: number): LegendCellVm[][] {
  const withValues = flowCells(series, cols, (s) => s.legend);
  if (withValues.length <= maxRows) return withValues;
  const names = flowCells(series, cols, (s) => s.title);
  if (names.length <= maxRows) return names;
  const kept = names.slice(0, Math.max(1, maxRows));
  const last = kept[kept.length - 1] ?? [];
  const cell = last[last.length - 1];
  const shown = kept.reduce((n, row) => n + row.length, 0) - 1;
  if (cell !== undefined) last[last.length - 1] = { series: null, text: fit(`+${series.length - shown}`, cell.text.length) };
  return kept;
}

export function toLoadChartVm(snapshot: ClusterSnapshot | null, size: PaneSize,
  history: (nodeId: number) => readonly (number | null)[]): LoadChartVm {
  const nodes = snapshot?.nodes ?? [];
  const raw = nodes.map((n) => history(n.id));
  const length = raw.reduce((m, h) => Math.max(m, h.length), 0);
  // Series must line up point for point; a node seen later has no readings before it appeared.
  const aligned = raw.map((h) => [...Array<null>(length - h.length).fill(null), ...h]);
  const filled = aligned.map(fillGaps);
  const plotRows = size.rows - CHART_FOOTER_ROWS;
  const plot = length > 0 && plotRows >= MIN_PLOT_ROWS && size.cols >= MIN_PLOT_COLS;
  const ticks = Math.min(5, Math.max(1, Math.floor(plotRows / 2)));
  // A reduce, not Math.max(...all): a big cluster's history would overflow the argument list.
  const peak = filled.reduce((m, values) => values.reduce((a, v) => Math.max(a, v), m), 100);
  const yStep = niceStep(peak / ticks);
  const maxY = yStep * Math.ceil(peak / yStep);
  // contrib writes x labels with a text call that misbehaves on '' (it prints "undefined"); a space is blank.
  const x = Array.from({ length }, () => ' ');
  const series = nodes.map((node, i) => {
    // A scheduler's node goes by its own name (n1, gpu07); an openMosix node by its number.
    const title = `${node.scheduler?.name ?? `N${node.id}`}${node.isLocal ? '*' : ''}`;
    return { title, x, y: filled[i] ?? [], legend: legendOf(node, title, raw[i] ?? []), tone: toneOf(node) };
  });
  const legend = flowLegend(series, size.cols, plot ? LEGEND_ROWS_UNDER_AXIS : Math.max(1, size.rows));
  // Where the OS load average is known (this machine), say what the plotted openMosix-style figure is.
  const name = nodes.length > 0 && nodes.every((n) => n.loadAverage !== undefined) ? 'Load history (% of all CPUs)' : 'Load history';
  const full = `${name} · ${length} readings`;
  return {
    // The label sits after the corner and one dash and is padded by a space each side.
    title: full.length <= size.cols - 4 ? full : name.length <= size.cols - 4 ? name : 'Load history',
    series, maxY, yStep, plot, legend,
  };
}
