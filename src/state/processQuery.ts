// Which processes the process pane lists, in which order: the query (sort, filter, blender-only,
// kernel threads, grouping by node) the user set up, applied to a snapshot. Filtering and sorting
// touch every process, so the result is kept per snapshot and query; the view asks it only for
// the rows it shows.
import type { ClusterSnapshot, ProcessSnapshot } from '../model/snapshot.js';
import { filterMatches, parseFilter, type ParsedFilter } from './processFilter.js';
import { createProcessOrder } from './processOrder.js';
import { flatRows, groupedRows, nodeGroups, type ProcessRows } from './processRows.js';
import type { UiState } from './ui.js';

export type ProcessSortKey = 'pid' | 'user' | 'node' | 'state' | 'cpu' | 'mem' | 'time' | 'command';
export const PROCESS_SORT_KEYS: readonly ProcessSortKey[] = ['pid', 'user', 'node', 'state', 'cpu', 'mem', 'time', 'command'];

export interface ProcessQuery {
  readonly sort: { readonly key: ProcessSortKey; readonly descending: boolean };
  /** As typed: words and field:value words (state/processFilter.ts). */
  readonly filterText: string;
  readonly blenderOnly: boolean;
  /** List kernel threads too (K); hidden by default, like htop. */
  readonly kernelThreads: boolean;
  /** Group under the node each runs on (t), nodes in this order; null: one flat list. */
  readonly groupBy: readonly number[] | null;
}

/** What the pane lists for a query: its rows, the filter as understood, what was left out. */
export interface ProcessListing {
  readonly rows: ProcessRows;
  readonly filter: ParsedFilter;
  /** Kernel threads not listed because they are hidden (K shows them). */
  readonly kernelThreadsHidden: number;
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
    case 'node': return (a, b) => number(a.node, b.node);
    case 'state': return (a, b) => text(a.stat, b.stat);
    case 'cpu': return (a, b) => number(a.cpu, b.cpu);
    case 'mem': return (a, b) => number(a.mem, b.mem);
    case 'time': return (a, b) => a.timeSeconds - b.timeSeconds;
    case 'command': return (a, b) => text(a.command, b.command);
  }
}

const listingCache = new WeakMap<readonly ProcessSnapshot[], { key: string; listing: ProcessListing }>();

/** The processes as listed: filtered, then sorted (ties by PID, so the order is total and stable), maybe grouped by node. */
export function listProcesses(processes: readonly ProcessSnapshot[], query: ProcessQuery): ProcessListing {
  const key = `${query.sort.key}|${query.sort.descending}|${query.blenderOnly}|${query.kernelThreads}|${query.groupBy?.join(',') ?? '-'}|${query.filterText}`;
  const cached = listingCache.get(processes);
  if (cached?.key === key) return cached.listing;
  const filter = parseFilter(query.filterText);
  const compare = compareBy(query.sort.key);
  const sign = query.sort.descending ? -1 : 1;
  let kernelThreadsHidden = 0;
  const filtered = processes.filter((p) => {
    if (p.kernelThread === true && !query.kernelThreads) {
      kernelThreadsHidden += 1;
      return false;
    }
    return (!query.blenderOnly || p.isBlender) && filterMatches(p, filter);
  });
  let rows: ProcessRows;
  if (query.groupBy === null) {
    rows = flatRows(createProcessOrder(filtered, (a, b) => sign * compare(a, b) || a.pid - b.pid));
  } else {
    const ranks = new Map(query.groupBy.map((id, i) => [id, i]));
    // Nodes not in the node list (a stale reading) go last, by number; an unknown node (N?) after them.
    const rank = (node: number | null): number => (node === null ? Number.MAX_SAFE_INTEGER : ranks.get(node) ?? ranks.size + node);
    const order = createProcessOrder(filtered, (a, b) => rank(a.node) - rank(b.node) || sign * compare(a, b) || a.pid - b.pid);
    rows = groupedRows(order, nodeGroups(filtered, rank));
  }
  const listing = { rows, filter, kernelThreadsHidden };
  listingCache.set(processes, { key, listing });
  return listing;
}

/** The blender-only filter as it applies now: 'auto' means on while a render runs. */
export function effectiveBlenderOnly(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): boolean {
  if (ui.blenderFilter !== 'auto') return ui.blenderFilter === 'on';
  return jobsRunning || (snapshot?.processes.some((p) => p.isBlender) ?? false);
}

/** The query the UI state describes, with 'auto' blender-only settled for this snapshot. */
export function processQueryOf(ui: UiState, snapshot: ClusterSnapshot | null, jobsRunning: boolean): ProcessQuery {
  return {
    sort: ui.sort, filterText: ui.filterText, blenderOnly: effectiveBlenderOnly(ui, snapshot, jobsRunning), kernelThreads: ui.showKernelThreads,
    groupBy: ui.groupByNode ? nodeOrderOf(snapshot) : null,
  };
}

const nodeOrders = new WeakMap<ClusterSnapshot, readonly number[]>();

/** The nodes in the node pane's order (one array per snapshot, so the listing cache holds). */
function nodeOrderOf(snapshot: ClusterSnapshot | null): readonly number[] {
  if (snapshot === null) return [];
  let order = nodeOrders.get(snapshot);
  if (order === undefined) {
    order = snapshot.nodes.map((n) => n.id);
    nodeOrders.set(snapshot, order);
  }
  return order;
}
