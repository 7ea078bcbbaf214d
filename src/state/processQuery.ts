// Which processes the process pane lists, in which order: the query (sort, text filter,
// blender-only) the user set up, applied to a snapshot. Filtering and sorting touch every
// process, so the result is kept per snapshot and query; the view asks it only for the rows it shows.
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import { createProcessOrder, type ProcessOrder } from './processOrder.js';
import type { UiState } from './ui.js';

export type ProcessSortKey = 'pid' | 'user' | 'node' | 'state' | 'cpu' | 'mem' | 'time' | 'command';
export const PROCESS_SORT_KEYS: readonly ProcessSortKey[] = ['pid', 'user', 'node', 'state', 'cpu', 'mem', 'time', 'command'];

export interface ProcessQuery {
  readonly sort: { readonly key: ProcessSortKey; readonly descending: boolean };
  readonly filterText: string;
  readonly blenderOnly: boolean;
}

const SORT_LABELS: Readonly<Record<ProcessSortKey, string>> = {
  pid: 'PID', user: 'USER', node: 'NODE', state: 'S', cpu: '%CPU', mem: '%MEM', time: 'TIME', command: 'COMMAND',
};

/** A sort key as its column is headed: 'cpu' → '%CPU'. */
export function sortLabel(key: ProcessSortKey): string {
  return SORT_LABELS[key];
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
export function orderProcesses(processes: readonly ProcessSnapshot[], query: ProcessQuery): ProcessOrder {
  const key = `${query.sort.key}|${query.sort.descending}|${query.blenderOnly}|${query.filterText}`;
  const cached = orderCache.get(processes);
  if (cached?.key === key) return cached.order;
  const needle = query.filterText.trim().toLowerCase();
  const compare = compareBy(query.sort.key);
  const sign = query.sort.descending ? -1 : 1;
  const filtered = processes.filter((p) => (!query.blenderOnly || p.isBlender) && (needle === '' || matches(p, needle)));
  const order = createProcessOrder(filtered, (a, b) => sign * compare(a, b) || a.pid - b.pid);
  orderCache.set(processes, { key, order });
  return order;
}

/** The blender-only filter as it applies now: 'auto' means on while a render runs. */
export function effectiveBlenderOnly(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): boolean {
  if (ui.blenderFilter !== 'auto') return ui.blenderFilter === 'on';
  return jobsRunning || (snapshot?.processes.some((p) => p.isBlender) ?? false);
}

/** The query the UI state describes, with 'auto' blender-only settled for this snapshot. */
export function processQueryOf(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): ProcessQuery {
  return { sort: ui.sort, filterText: ui.filterText, blenderOnly: effectiveBlenderOnly(ui, snapshot, jobsRunning) };
}
