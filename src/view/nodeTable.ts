// Nodes pane: one row per node, local node marked, with load/memory bars and flags.
import { nodeState, type ClusterSnapshot, type NodeSnapshot } from '../model/snapshot.js';
import { pageStart } from '../state/list.js';
import { selectedNodeIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { fitColumns, formatHeader, formatRow, type Column } from './columns.js';
import { bar, formatDuration, humanBytes, sparkline } from '../text/format.js';
import type { LineVm, PaneSize, PaneVm, Tone } from './tableVm.js';

export interface NodeRow {
  readonly node: NodeSnapshot;
  /** How many of the local node's processes run on this node now. */
  readonly ours: number;
  /** Recent load values, oldest first (only used when the history column is shown). */
  readonly loadHistory: readonly (number | null)[];
  readonly historyMax: number;
  /** How old the node's values are, when older than one refresh (a big map is read over several); else null. */
  readonly ageMs?: number | null;
}

/** What the node rows need beyond the backend's kind: a wider state for "pending", an age column. */
export interface NodeColumnNeeds {
  readonly pending: boolean;
  readonly age: boolean;
}

/**
 * The age of the node's values when it missed a refresh (read more than one interval ago, with
 * half an interval for ticks that start late); null when it was read on this tick or the last.
 */
export function readingAgeMs(node: NodeSnapshot, takenAt: number, intervalMs: number): number | null {
  if (node.readAt === undefined) return null;
  const age = takenAt - node.readAt;
  return age > 1.5 * intervalMs ? age : null;
}

/** Load as a fraction of the node's capacity: about 100 load units per busy CPU. */
export function loadFraction(node: NodeSnapshot): number | null {
  if (node.load === null) return null;
  return node.load / (100 * (node.cpus ?? 1));
}

export function memUsedFraction(node: NodeSnapshot): number | null {
  if (node.memFreeBytes === null || node.memTotalBytes === null || node.memTotalBytes <= 0) return null;
  return (node.memTotalBytes - node.memFreeBytes) / node.memTotalBytes;
}

export function flagLetters(node: NodeSnapshot): string {
  const f = node.flags;
  return `${f.stay ? 'S' : '·'}${f.lstay ? 'L' : '·'}${f.block ? 'B' : '·'}${f.quiet ? 'Q' : '·'}`;
}

const num = (value: number | null): string => (value === null ? '-' : String(Math.round(value)));
const live = (row: NodeRow, text: string): string => (row.node.up ? text : '-');

/** True when every node has the operating system's load average (this machine), not only openMosix's load. */
export function hasLoadAverage(snapshot: ClusterSnapshot): boolean {
  return snapshot.nodes.length > 0 && snapshot.nodes.every((n) => n.loadAverage !== undefined);
}

/** This machine's load as the OS reports it, with its CPUs beside it; openMosix's ×100/CPUs figure after, labelled. */
function loadAverageColumns(): Column<NodeRow>[] {
  return [
    { header: 'LOAD AVG', width: 8, align: 'right', priority: 85, cell: (r) => live(r, r.node.loadAverage == null ? '-' : r.node.loadAverage.toFixed(2)) },
    { header: 'CPUS', width: 4, align: 'right', priority: 84, cell: (r) => (r.node.cpus === null ? '-' : String(r.node.cpus)) },
    { header: '', width: 6, priority: 30, cell: (r, w) => live(r, bar(loadFraction(r.node), w)) },
    { header: 'LOAD %CPUS', width: 10, align: 'right', priority: 25, cell: (r) => live(r, r.node.load === null ? '-' : `${Math.round(r.node.load)}%`) },
  ];
}

/**
 * @param withHistory add a sparkline column (when there is no separate history pane).
 * @param loadAverage the nodes have the OS load average (this machine): show it and the CPU count,
 *   and leave out what only openMosix has (our processes elsewhere, the node flags).
 */
export function nodeColumns(withHistory: boolean, loadAverage = false, needs: NodeColumnNeeds = { pending: false, age: false }): Column<NodeRow>[] {
  const load: Column<NodeRow>[] = loadAverage ? loadAverageColumns() : [
    { header: 'LOAD', width: 5, align: 'right', priority: 85, cell: (r) => live(r, num(r.node.load)) },
    { header: '', width: 6, priority: 30, cell: (r, w) => live(r, bar(loadFraction(r.node), w)) },
  ];
  const columns: Column<NodeRow>[] = [
    { header: 'N#', width: 5, align: 'right', priority: 100, cell: (r) => `${r.node.isLocal ? '*' : ''}${r.node.id}` },
    { header: 'IP', width: 15, priority: 40, cell: (r) => r.node.ip },
    { header: 'STATE', width: needs.pending ? 7 : 5, priority: 90, cell: (r) => nodeState(r.node) },
    ...(needs.age ? [{ header: 'AGE', width: 6, align: 'right', priority: 88, cell: (r) => (r.ageMs == null ? '' : formatDuration(r.ageMs / 1000)) }] satisfies Column<NodeRow>[] : []),
    ...load,
    { header: 'SPEED', width: 6, align: 'right', priority: 80, cell: (r) => num(r.node.speed) },
    { header: 'FREE/TOTAL', width: 11, priority: 70,
      cell: (r) => live(r, `${humanBytes(r.node.memFreeBytes)}/${humanBytes(r.node.memTotalBytes)}`) },
    { header: 'USED', width: 6, priority: 20, cell: (r, w) => live(r, bar(memUsedFraction(r.node), w)) },
    { header: 'UTIL', width: 4, align: 'right', priority: 50, cell: (r) => live(r, r.node.util === null ? '-' : `${Math.round(r.node.util)}%`) },
    ...(loadAverage ? [] : [
      { header: 'OURS', width: 4, align: 'right', priority: 60, cell: (r) => String(r.ours) },
      { header: 'FLAG', width: 4, priority: 75, cell: (r) => flagLetters(r.node) },
    ] satisfies Column<NodeRow>[]),
  ];
  if (withHistory) {
    columns.push({ header: 'HISTORY', width: 6, priority: 35, flex: true,
      cell: (r, w) => sparkline(r.loadHistory, r.historyMax, w) });
  }
  return columns;
}

/** A scheduler's nodes (Slurm): name, its state and reason, CPUs in use, load average, memory, partitions. */
export function schedulerNodeColumns(): Column<NodeRow>[] {
  const s = (r: NodeRow) => r.node.scheduler;
  return [
    { header: 'NODE', width: 6, priority: 100, cell: (r) => s(r)?.name ?? String(r.node.id) },
    { header: 'STATE', width: 9, priority: 95, cell: (r) => `${s(r)?.state ?? nodeState(r.node)}${s(r)?.notResponding ? '*' : ''}` },
    { header: 'CPU A/T', width: 7, align: 'right', priority: 90, cell: (r) => `${s(r)?.cpusAllocated ?? '-'}/${r.node.cpus ?? '-'}` },
    { header: 'CPU USE', width: 7, priority: 60, cell: (r, w) => bar(r.node.util === null ? null : r.node.util / 100, w) },
    { header: 'LOAD', width: 5, align: 'right', priority: 80, cell: (r) => (s(r)?.loadAverage == null ? '-' : (s(r)?.loadAverage ?? 0).toFixed(2)) },
    { header: 'FREE/TOTAL', width: 11, priority: 70, cell: (r) => `${humanBytes(r.node.memFreeBytes)}/${humanBytes(r.node.memTotalBytes)}` },
    { header: 'PARTITIONS', width: 10, priority: 40, cell: (r) => s(r)?.partitions.join(',') ?? '' },
    { header: 'REASON', width: 6, priority: 50, flex: true, cell: (r) => s(r)?.reason ?? '' },
  ];
}

function toneOf(node: NodeSnapshot): Tone {
  if (node.pending === true) return 'dim';
  if (node.scheduler?.state === 'drained' || node.scheduler?.state === 'draining') return 'stale';
  if (!node.up) return 'down';
  if (node.stale) return 'stale';
  return node.isLocal ? 'local' : 'normal';
}

export function countOurs(snapshot: ClusterSnapshot): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of snapshot.processes) {
    if (p.home === snapshot.localNode && p.node !== null) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  }
  return counts;
}

export function toNodeTableVm(snapshot: ClusterSnapshot | null, ui: UiState, size: PaneSize,
  history: (nodeId: number) => readonly (number | null)[], withHistory: boolean): PaneVm {
  const title = 'Nodes';
  const focused = ui.focus === 'nodes';
  const visible = Math.max(0, size.rows - 1);
  if (snapshot === null) {
    return { title, focused, header: null, lines: [{ text: 'waiting for the first reading…', tone: 'dim', selected: false }], window: { rows: visible, total: 0 } };
  }
  const ages = snapshot.nodes.map((node) => readingAgeMs(node, snapshot.takenAt, ui.intervalMs));
  const needs = { pending: snapshot.nodes.some((node) => node.pending === true), age: ages.some((age) => age !== null) };
  const columns = fitColumns(snapshot.backend === 'slurm' ? schedulerNodeColumns() : nodeColumns(withHistory, hasLoadAverage(snapshot), needs), size.cols);
  const ours = countOurs(snapshot);
  const histories = withHistory ? snapshot.nodes.map((n) => history(n.id)) : [];
  // A reduce, not Math.max(...all): a big cluster's history would overflow the argument list.
  const historyMax = histories.reduce((max, history) => history.reduce<number>((m, v) => Math.max(m, v ?? 0), max), 100);
  const selected = selectedNodeIndex(snapshot, ui);
  const window = { rows: visible, total: snapshot.nodes.length };
  const offset = pageStart(selected, window);
  const lines: LineVm[] = snapshot.nodes.slice(offset, offset + visible).map((node, i) => ({
    text: formatRow(columns, { node, ours: ours.get(node.id) ?? 0, loadHistory: histories[offset + i] ?? [], historyMax, ageMs: ages[offset + i] ?? null }),
    tone: toneOf(node),
    selected: offset + i === selected,
  }));
  return { title: `${title} (${snapshot.nodes.length})`, focused, header: formatHeader(columns), lines, window: { ...window, first: offset } };
}
