// Parsed Slurm readings → the snapshot's nodes and jobs. Pure. Units follow the other backends so
// views need no special case: load = load average × 100 / CPUs, util = allocated CPUs in percent,
// memory in bytes; Slurm's own words (state, reason, partitions) go to `scheduler`.
import { expandHostlist, type SlurmJob, type SlurmNode } from '../../../parsers/index.js';
import type { JobSnapshot, NodeSnapshot } from '../../model/snapshot.js';
import { isRenderJobName } from '../../model/renderJobName.js';

const MIB = 1024 * 1024;

/** Node ids that stay the same while nodes come and go: the first name seen gets 1, and so on. */
export class NodeIds {
  private readonly ids = new Map<string, number>();

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(name, id);
    }
    return id;
  }
}

/**
 * Free memory as a node can offer it: Slurm's FreeMem is what the operating system reports, its
 * RealMemory what the configuration says, and the first can exceed the second (a node with more
 * memory than configured, or virtual nodes sharing one host). Jobs get at most RealMemory, so the
 * free figure is capped there and free never exceeds total.
 */
function offeredFreeMiB(node: SlurmNode): number | null {
  if (node.memoryFreeMiB === null) return null;
  return node.memoryMiB === null ? node.memoryFreeMiB : Math.min(node.memoryFreeMiB, node.memoryMiB);
}

export function nodeSnapshot(node: SlurmNode, id: number): NodeSnapshot {
  const cpus = node.cpusTotal !== null && node.cpusTotal > 0 ? node.cpusTotal : null;
  const freeMiB = offeredFreeMiB(node);
  return {
    id,
    ip: '',
    up: node.state !== 'down' && !node.notResponding,
    load: node.load !== null && cpus !== null ? Math.round((node.load * 100) / cpus) : null,
    speed: null,
    memFreeBytes: freeMiB === null ? null : freeMiB * MIB,
    memTotalBytes: node.memoryMiB === null ? null : node.memoryMiB * MIB,
    util: node.cpusAllocated !== null && cpus !== null ? Math.round((node.cpusAllocated * 100) / cpus) : null,
    cpus,
    flags: {},
    stale: false,
    isLocal: false,
    scheduler: {
      name: node.name,
      state: node.state,
      reason: node.reason,
      notResponding: node.notResponding,
      cpusAllocated: node.cpusAllocated,
      loadAverage: node.load,
      partitions: node.partitions,
    },
  };
}

const RUNS = new Set(['RUNNING', 'SUSPENDED', 'COMPLETING', 'STOPPED', 'SIGNALING', 'STAGE_OUT']);

/** Unfinished jobs only: squeue --json still lists finished ones for MinJobAge (5 min). */
export function jobSnapshots(jobs: readonly SlurmJob[], ids: NodeIds, takenAtMs: number): JobSnapshot[] {
  const now = Math.floor(takenAtMs / 1000);
  return jobs.filter((job) => !job.finished).map((job) => {
    const expanded = job.nodes === '' ? null : expandHostlist(job.nodes);
    const nodes = expanded?.ok ? expanded.value : job.nodes === '' ? [] : [job.nodes];
    const elapsed = job.elapsedSeconds ?? (job.startTime !== null && RUNS.has(job.state) ? Math.max(0, now - job.startTime) : null);
    return {
      id: job.id,
      name: job.name,
      user: job.user,
      state: job.state,
      reason: job.reason,
      partition: job.partition,
      nodes,
      nodeIds: nodes.map((name) => ids.idOf(name)),
      cpus: job.cpus,
      elapsedSeconds: elapsed,
      timeLimitMinutes: job.timeLimitMinutes,
      isRender: isRenderJobName(job.name),
    };
  });
}
