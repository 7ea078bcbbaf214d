// The header line (what we look at, in totals) and the alert line (what is wrong, in plain words).
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { UiState } from '../state/ui.js';
import { fitWords, formatClock, humanBytes } from '../text/format.js';

export interface HeaderVm {
  readonly text: string;
  /** Stale sources and the fallback notice; null when all is well. */
  readonly alert: string | null;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}

interface HeaderPart {
  readonly text: string;
  /** Higher stays longer on a narrow terminal. */
  readonly priority: number;
}

function totals(snapshot: ClusterSnapshot): HeaderPart[] {
  const up = snapshot.nodes.filter((n) => n.up);
  const load = up.reduce((sum, n) => sum + (n.load ?? 0), 0);
  const free = up.reduce((sum, n) => sum + (n.memFreeBytes ?? 0), 0);
  const total = up.reduce((sum, n) => sum + (n.memTotalBytes ?? 0), 0);
  const migrated = snapshot.processes.filter((p) => p.migrated).length;
  if (snapshot.jobs !== undefined) {
    // A scheduler: no local node, no processes; CPUs in use and jobs instead. (Virtual nodes on one
    // host each report the host's memory, so memory totals would mislead: not summed.)
    const cpus = up.reduce((sum, n) => sum + (n.cpus ?? 0), 0);
    const used = up.reduce((sum, n) => sum + (n.scheduler?.cpusAllocated ?? 0), 0);
    const running = snapshot.jobs.filter((j) => j.state === 'RUNNING').length;
    return [
      { text: `${snapshot.backend} backend`, priority: 80 },
      { text: `${up.length}/${snapshot.nodes.length} nodes up`, priority: 75 },
      { text: `CPUs ${used}/${cpus} in use`, priority: 40 },
      { text: `${snapshot.jobs.length} jobs, ${running} running`, priority: 30 },
    ];
  }
  if (up.length > 0 && up.every((n) => n.loadAverage != null)) {
    // This machine: its load average as uptime prints it, with the CPUs it is shared by; nothing migrates.
    const average = up.reduce((sum, n) => sum + (n.loadAverage ?? 0), 0);
    const cpus = up.reduce((sum, n) => sum + (n.cpus ?? 0), 0);
    const threads = snapshot.processes.filter((p) => p.kernelThread === true).length;
    return [
      { text: `${snapshot.backend} backend`, priority: 80 },
      { text: `N${snapshot.localNode}`, priority: 70 },
      { text: `load average ${average.toFixed(2)} on ${cpus} CPU${cpus === 1 ? '' : 's'}`, priority: 75 },
      { text: `mem ${humanBytes(free)} free of ${humanBytes(total)}`, priority: 30 },
      { text: `${snapshot.processes.length - threads} procs, ${threads} kernel threads`, priority: 20 },
    ];
  }
  const pending = snapshot.nodes.filter((n) => n.pending === true).length;
  return [
    { text: `${snapshot.backend} backend`, priority: 80 },
    { text: `local N${snapshot.localNode}`, priority: 70 },
    { text: `${up.length}/${snapshot.nodes.length} nodes up${pending > 0 ? `, ${pending} pending` : ''}`, priority: 75 },
    { text: `load ${Math.round(load)}`, priority: 40 },
    { text: `mem ${humanBytes(free)} free of ${humanBytes(total)}`, priority: 30 },
    { text: `${snapshot.processes.length} procs, ${migrated} migrated`, priority: 20 },
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

/**
 * @param width the terminal width: the least important totals are left out to fit it.
 * @param skippedRefreshes ticks dropped so far because a refresh was still running.
 */
export function toHeaderVm(
  snapshot: ClusterSnapshot | null, ui: UiState, notice: string | null, width = Infinity, skippedRefreshes = 0,
): HeaderVm {
  let parts: HeaderPart[] = [
    { text: 'omtop', priority: 100 },
    ...(ui.readonly ? [{ text: 'READ-ONLY', priority: 99 }] : []),
    ...(ui.paused ? [{ text: 'PAUSED', priority: 98 }] : []),
    ...(snapshot === null ? [] : totals(snapshot)),
    { text: `every ${seconds(ui.intervalMs)}`, priority: 50 },
    { text: snapshot === null ? 'waiting for data' : `updated ${formatClock(snapshot.takenAt)}`, priority: 60 },
    ...(skippedRefreshes > 0 ? [{ text: `${skippedRefreshes} slow refresh${skippedRefreshes === 1 ? '' : 'es'} skipped`, priority: 45 }] : []),
  ];
  const joined = (list: readonly HeaderPart[]): string => list.map((p) => p.text).join(' · ');
  while (parts.length > 1 && joined(parts).length > width) {
    const lowest = parts.reduce((a, b) => (b.priority < a.priority ? b : a));
    parts = parts.filter((p) => p !== lowest);
  }
  const alerts = [...(notice === null ? [] : [notice]), ...(snapshot === null ? [] : describeProblems(snapshot))];
  // Cut at a word, never inside one; the rest is in the event log.
  const alert = alerts.length === 0 ? null : fitWords(alerts.join(' · '), width, ' (E: event log)');
  return { text: joined(parts), alert };
}
