// The header line (what we look at, in totals) and the alert line (what is wrong, in plain words).
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { UiState } from '../actions/uiTypes.js';
import { formatClock, humanBytes } from './format.js';

export interface HeaderVm {
  readonly text: string;
  /** Stale sources and the fallback notice; null when all is well. */
  readonly alert: string | null;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}

function totals(snapshot: ClusterSnapshot): string[] {
  const up = snapshot.nodes.filter((n) => n.up);
  const load = up.reduce((sum, n) => sum + (n.load ?? 0), 0);
  const free = up.reduce((sum, n) => sum + (n.memFreeBytes ?? 0), 0);
  const total = up.reduce((sum, n) => sum + (n.memTotalBytes ?? 0), 0);
  const migrated = snapshot.processes.filter((p) => p.migrated).length;
  return [
    `local N${snapshot.localNode}`,
    `${up.length}/${snapshot.nodes.length} nodes up`,
    `load ${Math.round(load)}`,
    `mem ${humanBytes(free)} free of ${humanBytes(total)}`,
    `${snapshot.processes.length} procs, ${migrated} migrated`,
  ];
}

/** Every problem in the snapshot, said plainly: which node or tool, and what went wrong. */
export function describeProblems(snapshot: ClusterSnapshot): string[] {
  const problems: string[] = [];
  for (const node of snapshot.nodes) {
    if (node.stale) problems.push(`node ${node.id} did not answer, showing older values${node.error ? ` (${node.error})` : ''}`);
    else if (!node.up && node.error) problems.push(`node ${node.id} is down (${node.error})`);
  }
  for (const error of snapshot.errors) problems.push(`${error.source} failed: ${error.message}`);
  return problems;
}

export function toHeaderVm(snapshot: ClusterSnapshot | null, ui: UiState, notice: string | null): HeaderVm {
  const parts = ['omtop'];
  if (snapshot !== null) parts.push(`${snapshot.backend} backend`, ...totals(snapshot));
  parts.push(`every ${seconds(ui.intervalMs)}`);
  parts.push(snapshot === null ? 'waiting for data' : `updated ${formatClock(snapshot.takenAt)}`);
  if (ui.paused) parts.push('PAUSED');
  if (ui.readonly) parts.push('READ-ONLY');
  const alerts = [...(notice === null ? [] : [notice]), ...(snapshot === null ? [] : describeProblems(snapshot))];
  return { text: parts.join(' · '), alert: alerts.length === 0 ? null : alerts.join(' · ') };
}
