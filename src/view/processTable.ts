// Processes pane: the rows the process query (state/processQuery.ts) lists, formatted. Only the
// rows on screen are formatted, so 10,000 processes cost about what 100 do.
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import { pageStart } from '../state/list.js';
import { orderProcesses, sortLabel, type ProcessQuery } from '../state/processQuery.js';
import { selectedProcessIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, type Column } from './columns.js';
import { formatCpuTime } from '../text/format.js';
import type { LineVm, PaneSize, PaneVm, Tone } from './tableVm.js';

/** Headed as the sort keys are named, so the title's "sort %CPU" names a column on screen. */
export function processColumns(): Column<ProcessSnapshot>[] {
  return [
    { header: sortLabel('pid'), width: 7, align: 'right', priority: 100, cell: (p) => String(p.pid) },
    { header: sortLabel('user'), width: 8, priority: 40, cell: (p) => p.user ?? '?' },
    { header: sortLabel('node'), width: 4, priority: 95, cell: (p) => `N${p.node}` },
    { header: sortLabel('state'), width: 2, priority: 30, cell: (p) => p.stat },
    { header: sortLabel('cpu'), width: 5, align: 'right', priority: 80, cell: (p) => (p.cpu === null ? '-' : p.cpu.toFixed(1)) },
    { header: sortLabel('mem'), width: 5, align: 'right', priority: 60, cell: (p) => (p.mem === null ? '-' : p.mem.toFixed(1)) },
    { header: sortLabel('time'), width: 8, align: 'right', priority: 50, cell: (p) => formatCpuTime(p.timeSeconds) },
    { header: sortLabel('command'), width: 10, priority: 90, flex: true, cell: (p) => p.command },
  ];
}

function toneOf(process: ProcessSnapshot, renderPids: ReadonlySet<number>): Tone {
  if (renderPids.has(process.pid)) return 'render';
  return process.migrated ? 'migrated' : 'normal';
}

export function processTitle(shown: number, total: number, query: ProcessQuery): string {
  const parts = [`Processes ${shown}/${total}`, `sort ${sortLabel(query.sort.key)} ${query.sort.descending ? '▼' : '▲'}`];
  if (query.blenderOnly) parts.push('blender only');
  if (query.filterText !== '') parts.push(`filter "${query.filterText}"`);
  return parts.join(' · ');
}

export function toProcessTableVm(snapshot: ClusterSnapshot | null, ui: UiState, size: PaneSize,
  query: ProcessQuery, renderPids: ReadonlySet<number>): PaneVm {
  const focused = ui.focus === 'processes';
  const visible = Math.max(0, size.rows - 1);
  if (snapshot === null) return { title: 'Processes', focused, header: null, lines: [], window: { rows: visible, total: 0 } };
  const order = orderProcesses(snapshot.processes, query);
  const columns = fitColumns(processColumns(), size.cols);
  const selected = selectedProcessIndex(order, ui);
  const window = { rows: visible, total: order.length };
  const offset = pageStart(selected, window);
  const lines: LineVm[] = order.window(offset, offset + visible).map((p, i) => ({
    text: formatRow(columns, p),
    tone: toneOf(p, renderPids),
    selected: offset + i === selected,
  }));
  if (order.length === 0) {
    const why = query.blenderOnly || query.filterText !== '' ? 'no process matches (f: blender-only filter, /: text filter)' : 'no processes';
    lines.push({ text: why, tone: 'dim', selected: false });
  }
  return { title: processTitle(order.length, snapshot.processes.length, query), focused, header: formatHeader(columns), lines, window };
}
