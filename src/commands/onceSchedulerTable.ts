// `omtop --once` on a batch scheduler (Slurm): nodes with their scheduler state and reason, then
// the jobs (array tasks as 123_4, omtop's render tasks marked ▶). Plain columns, as onceTable.
import type { ClusterSnapshot, JobSnapshot, NodeSnapshot } from '../model/snapshot.js';
import { columns, memory } from './onceTable.js';

export function schedulerSections(snapshot: ClusterSnapshot): string[] {
  return [nodeTable(snapshot.nodes), jobTable(snapshot.jobs ?? [])];
}

function nodeTable(nodes: readonly NodeSnapshot[]): string {
  if (nodes.length === 0) return 'Nodes: none could be read';
  const header = ['NODE', 'STATE', 'CPUS A/T', 'LOAD', 'MEM FREE/TOTAL', 'PARTITIONS', 'REASON'];
  const rows = nodes.map((node) => {
    const s = node.scheduler;
    const state = `${s?.state ?? (node.up ? 'up' : 'down')}${s?.notResponding ? '*' : ''}${node.stale ? ' (stale)' : ''}`;
    return [
      s?.name ?? String(node.id),
      state,
      `${s?.cpusAllocated ?? '-'}/${node.cpus ?? '-'}`,
      s?.loadAverage === null || s?.loadAverage === undefined ? '-' : s.loadAverage.toFixed(2),
      `${memory(node.memFreeBytes)}/${memory(node.memTotalBytes)}`,
      s && s.partitions.length > 0 ? s.partitions.join(',') : '-',
      s?.reason ?? '',
    ];
  });
  return columns(header, rows, new Set([2, 3])).split('\n').map((line) => line.trimEnd()).join('\n');
}

/** 3723 s → "1:02:03", as squeue prints TIME. */
export function elapsed(seconds: number | null): string {
  if (seconds === null) return '-';
  const whole = Math.floor(seconds);
  const days = Math.floor(whole / 86400);
  const h = Math.floor((whole % 86400) / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  const clock = h > 0 || days > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return days > 0 ? `${days}-${clock.padStart(8, '0')}` : clock;
}

function jobTable(jobs: readonly JobSnapshot[]): string {
  if (jobs.length === 0) return 'Jobs: none';
  const header = ['JOBID', 'USER', 'STATE', 'TIME', 'CPUS', 'PARTITION', 'NODES/REASON', 'NAME'];
  const rows = jobs.map((job) => [
    `${job.isRender ? '▶' : ' '}${job.id}`,
    job.user ?? '-',
    job.state,
    elapsed(job.elapsedSeconds),
    job.cpus === null ? '-' : String(job.cpus),
    job.partition ?? '-',
    job.nodes.length > 0 ? job.nodes.join(',') : `(${job.reason ?? '-'})`,
    job.name,
  ]);
  return ['▶ = a task of a render omtop started', columns(header, rows, new Set([3, 4]))].join('\n');
}
