// Processes pane. Filtering and sorting touch every process, so their result is cached per
// snapshot; only the rows on screen are formatted, so 10,000 processes cost about what 100 do.
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import type { ProcessSortKey, UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, pageOffset, type Column } from './columns.js';
import { formatCpuTime } from './format.js';
import { createProcessOrder, type ProcessOrder } from '../state/processOrder.js';
import type { LineVm, PaneSize, PaneVm, Tone } from './tableVm.js';

export interface ProcessView {
  readonly sort: UiState['sort'];
  readonly filterText: string;
  readonly blenderOnly: boolean;
}

const SORT_HEADERS: Readonly<Record<ProcessSortKey, string>> = {
  pid: 'PID', user: 'USER', node: 'NODE', state: 'S', cpu: '%CPU', mem: '%MEM', time: 'TIME', command: 'COMMAND',
};

export function sortHeader(key: ProcessSortKey): string {
  return SORT_HEADERS[key];
}

function compareBy(key: ProcessSortKey): (a: ProcessSnapshot, b: ProcessSnapshot) => number {
  const text = (x: string | null, y: string | null): number => (x ?? '').localeCompare(y ?? '');
  const number = (x: number | null, y: number | null): number => (x ?? -1) - (y ?? -1);
  switch (key) {
    case 'pid': return (a, b) => a.pid - b.pid;
    case 'user': return (a, b) => text(a.user, b.user);
    case 'node': return (a, b) => a.node - b.node;
    case 'state': return (a, b) => text(a.stat, b.stat);
    case 'cpu': return (a, b) => number(a.cpu, b.cpu);
    case 'mem': return (a, b) => number(a.mem, b.mem);
    case 'time': return (a, b) => a.timeSeconds - b.timeSeconds;
    case 'command': return (a, b) => text(a.command, b.command);
  }
}

function matches(process: ProcessSnapshot, needle: string): boolean {
  return process.command.toLowerCase().includes(needle)
    || (process.user ?? '').toLowerCase().includes(needle)
    || String(process.pid) === needle;
}

const orderCache = new WeakMap<readonly ProcessSnapshot[], { key: string; order: ProcessOrder }>();

/** The processes as listed: filtered, then sorted (ties by PID, so the order is total and stable). */
export function orderProcesses(processes: readonly ProcessSnapshot[], view: ProcessView): ProcessOrder {
  const key = `${view.sort.key}|${view.sort.descending}|${view.blenderOnly}|${view.filterText}`;
  const cached = orderCache.get(processes);
  if (cached?.key === key) return cached.order;
  const needle = view.filterText.trim().toLowerCase();
  const compare = compareBy(view.sort.key);
  const sign = view.sort.descending ? -1 : 1;
  const filtered = processes.filter((p) => (!view.blenderOnly || p.isBlender) && (needle === '' || matches(p, needle)));
  const order = createProcessOrder(filtered, (a, b) => sign * compare(a, b) || a.pid - b.pid);
  orderCache.set(processes, { key, order });
  return order;
}

/** Where the selected process is in `order`; when it has gone, near where it was. */
export function selectedProcessIndex(order: ProcessOrder, ui: UiState): number {
  if (order.length === 0) return -1;
  if (ui.selectedPid !== null) {
    const index = order.indexOfPid(ui.selectedPid);
    if (index >= 0) return index;
  }
  return Math.min(Math.max(0, ui.processIndexHint), order.length - 1);
}

/** The process at a position of the sorted list. */
export function processAt(order: ProcessOrder, index: number): ProcessSnapshot | undefined {
  return order.window(index, index + 1)[0];
}

export function processColumns(): Column<ProcessSnapshot>[] {
  return [
    { header: 'PID', width: 7, align: 'right', priority: 100, cell: (p) => String(p.pid) },
    { header: 'USER', width: 8, priority: 40, cell: (p) => p.user ?? '?' },
    { header: 'NODE', width: 4, priority: 95, cell: (p) => `N${p.node}` },
    { header: 'S', width: 2, priority: 30, cell: (p) => p.stat },
    { header: '%CPU', width: 5, align: 'right', priority: 80, cell: (p) => (p.cpu === null ? '-' : p.cpu.toFixed(1)) },
    { header: '%MEM', width: 5, align: 'right', priority: 60, cell: (p) => (p.mem === null ? '-' : p.mem.toFixed(1)) },
    { header: 'TIME', width: 8, align: 'right', priority: 50, cell: (p) => formatCpuTime(p.timeSeconds) },
    { header: 'COMMAND', width: 10, priority: 90, flex: true, cell: (p) => p.command },
  ];
}

function toneOf(process: ProcessSnapshot, renderPids: ReadonlySet<number>): Tone {
  if (renderPids.has(process.pid)) return 'render';
  return process.migrated ? 'migrated' : 'normal';
}

export function processTitle(shown: number, total: number, view: ProcessView): string {
  const parts = [`Processes ${shown}/${total}`, `sort ${sortHeader(view.sort.key)} ${view.sort.descending ? '▼' : '▲'}`];
  if (view.blenderOnly) parts.push('blender only');
  if (view.filterText !== '') parts.push(`filter "${view.filterText}"`);
  return parts.join(' · ');
}

export function toProcessTableVm(snapshot: ClusterSnapshot | null, ui: UiState, size: PaneSize,
  view: ProcessView, renderPids: ReadonlySet<number>): PaneVm {
  const focused = ui.focus === 'processes';
  if (snapshot === null) return { title: 'Processes', focused, header: null, lines: [] };
  const order = orderProcesses(snapshot.processes, view);
  const columns = fitColumns(processColumns(), size.cols);
  const visible = Math.max(0, size.rows - 1);
  const selected = selectedProcessIndex(order, ui);
  const offset = pageOffset(selected, visible, order.length);
  const lines: LineVm[] = order.window(offset, offset + visible).map((p, i) => ({
    text: formatRow(columns, p),
    tone: toneOf(p, renderPids),
    selected: offset + i === selected,
  }));
  if (order.length === 0) {
    const why = view.blenderOnly || view.filterText !== '' ? 'no process matches (f: blender-only filter, /: text filter)' : 'no processes';
    lines.push({ text: why, tone: 'dim', selected: false });
  }
  return { title: processTitle(order.length, snapshot.processes.length, view), focused, header: formatHeader(columns), lines };
}

/** The blender-only filter as it applies now: 'auto' means on while a render runs. */
export function effectiveBlenderOnly(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): boolean {
  if (ui.blenderFilter !== 'auto') return ui.blenderFilter === 'on';
  return jobsRunning || (snapshot?.processes.some((p) => p.isBlender) ?? false);
}

export function processViewOf(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): ProcessView {
  return { sort: ui.sort, filterText: ui.filterText, blenderOnly: effectiveBlenderOnly(ui, snapshot, jobsRunning) };
}
