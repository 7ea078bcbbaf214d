// The process pane's rows: the listed processes, or — grouped by node, like htop's tree — each
// node's total row followed by the processes running there. One list either way, so selection,
// paging and the view agree on what row N is. Rows are keyed by PID; a node's total row by
// groupKey(node), a negative number no PID can have.
import type { ProcessSnapshot } from '../model/snapshot.js';
import type { ProcessOrder } from './processOrder.js';

/** A node's totals over the listed processes that run on it. */
export interface NodeGroupRow {
  readonly kind: 'group';
  /** null: the processes whose node the tools could not read (mps NODE -1). */
  readonly node: number | null;
  readonly count: number;
  readonly blender: number;
  /** Sums of %CPU and %MEM over the processes that report them. */
  readonly cpu: number;
  readonly mem: number;
}

export interface ProcessRow {
  readonly kind: 'process';
  readonly process: ProcessSnapshot;
}

export type PaneRow = NodeGroupRow | ProcessRow;

export interface ProcessRows {
  /** Rows in all, node rows included. */
  readonly length: number;
  /** Processes listed (no node rows). */
  readonly processCount: number;
  /** The node rows when grouped, in list order; null when not grouped. */
  readonly groups: readonly NodeGroupRow[] | null;
  /** Position of a PID's or a node row's key; -1 when not listed. */
  indexOfKey(key: number): number;
  keyAt(index: number): number | undefined;
  /** Rows `start` to `end` (exclusive). */
  window(start: number, end: number): PaneRow[];
}

/** The key of a node's total row. */
export const groupKey = (node: number | null): number => (node === null ? Number.MIN_SAFE_INTEGER : -1 - node);
export const isGroupKey = (key: number): boolean => key < 0;
/** The node of a group key (groupKey's inverse). */
const nodeOfGroupKey = (key: number): number | null => (key === Number.MIN_SAFE_INTEGER ? null : -1 - key);

export function flatRows(order: ProcessOrder): ProcessRows {
  return {
    length: order.length,
    processCount: order.length,
    groups: null,
    indexOfKey: (key) => (isGroupKey(key) ? -1 : order.indexOfPid(key)),
    keyAt: (index) => order.window(index, index + 1)[0]?.pid,
    window: (start, end) => order.window(start, end).map((process) => ({ kind: 'process', process })),
  };
}

/** The totals per node of `processes`, in the order `rank` gives the nodes. */
export function nodeGroups(processes: readonly ProcessSnapshot[], rank: (node: number | null) => number): NodeGroupRow[] {
  const totals = new Map<number | null, { count: number; blender: number; cpu: number; mem: number }>();
  for (const p of processes) {
    const t = totals.get(p.node) ?? { count: 0, blender: 0, cpu: 0, mem: 0 };
    t.count += 1;
    if (p.isBlender) t.blender += 1;
    t.cpu += p.cpu ?? 0;
    t.mem += p.mem ?? 0;
    totals.set(p.node, t);
  }
  return [...totals].sort(([a], [b]) => rank(a) - rank(b) || (a ?? -1) - (b ?? -1)).map(([node, t]) => ({ kind: 'group', node, ...t }));
}

/**
 * Grouped rows over `order`, which must sort by node (in the groups' order) first: group g's row
 * comes right before its processes, so process rank r of group g is row r + g + 1.
 */
export function groupedRows(order: ProcessOrder, groups: readonly NodeGroupRow[]): ProcessRows {
  // firstRank[g]: the rank of group g's first process; its node row is at firstRank[g] + g.
  const firstRank: number[] = [];
  let ranks = 0;
  for (const group of groups) {
    firstRank.push(ranks);
    ranks += group.count;
  }
  const groupIndex = new Map(groups.map((group, g) => [group.node, g]));
  /** The group a row falls in: the last one whose node row is at or before it (binary search). */
  const groupAtRow = (row: number): number => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((firstRank[mid] ?? 0) + mid <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const length = order.length + groups.length;
  const rowAt = (row: number): PaneRow | undefined => {
    if (row < 0 || row >= length) return undefined;
    const g = groupAtRow(row);
    const group = groups[g];
    if (group === undefined) return undefined;
    const headerRow = (firstRank[g] ?? 0) + g;
    if (row === headerRow) return group;
    const process = order.window(row - g - 1, row - g)[0];
    return process === undefined ? undefined : { kind: 'process', process };
  };
  return {
    length,
    processCount: order.length,
    groups,
    indexOfKey(key) {
      if (isGroupKey(key)) {
        const g = groupIndex.get(nodeOfGroupKey(key));
        return g === undefined ? -1 : (firstRank[g] ?? 0) + g;
      }
      const rank = order.indexOfPid(key);
      if (rank < 0) return -1;
      // The group whose ranks hold `rank`: the last with firstRank <= rank.
      let g = 0;
      while (g + 1 < groups.length && (firstRank[g + 1] ?? Infinity) <= rank) g += 1;
      return rank + g + 1;
    },
    keyAt(index) {
      const row = rowAt(index);
      if (row === undefined) return undefined;
      return row.kind === 'group' ? groupKey(row.node) : row.process.pid;
    },
    window(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(length, end);
      if (to <= from) return [];
      // The window's processes in one call (ranks of its first to its last row), node rows put in between.
      const firstProcess = Math.max(0, from - groupAtRow(from) - 1);
      const processes = order.window(firstProcess, to - groupAtRow(to - 1));
      const rows: PaneRow[] = [];
      for (let row = from; row < to; row++) {
        const g = groupAtRow(row);
        const group = groups[g];
        if (group !== undefined && row === (firstRank[g] ?? 0) + g) {
          rows.push(group);
          continue;
        }
        const process = processes[row - g - 1 - firstProcess];
        if (process !== undefined) rows.push({ kind: 'process', process });
      }
      return rows;
    },
  };
}
