// One immutable picture of the cluster per tick. Everything downstream (store, views,
// --once, --json) reads only this shape, whichever backend produced it.
import { z } from 'zod';
import { NODE_FLAGS } from '../../parsers/nodeFlags.js';

export const BackendNameSchema = z.enum(['openmosix', 'local', 'demo', 'slurm']);
export type BackendName = z.infer<typeof BackendNameSchema>;

/** The flags a backend could read (absent: unknown; Slurm has none). */
export const NodeFlagsSchema = z.partialRecord(z.enum(NODE_FLAGS), z.boolean());
export type NodeFlags = z.infer<typeof NodeFlagsSchema>;

/** A scheduler's node: its name, a state beyond up/down and why an administrator set it. */
export const SchedulerNodeSchema = z.object({
  name: z.string().min(1),
  state: z.enum(['idle', 'mixed', 'allocated', 'completing', 'drained', 'draining', 'down', 'future', 'reserved', 'unknown']),
  /** The scheduler's reason for a drain or down; null when none is set. */
  reason: z.string().nullable(),
  notResponding: z.boolean(),
  cpusAllocated: z.number().int().nonnegative().nullable(),
  /** The 1-minute load average as the scheduler reports it (`load` is per CPU ×100, as openMosix). */
  loadAverage: z.number().nonnegative().nullable(),
  partitions: z.array(z.string()),
});
export type SchedulerNode = z.infer<typeof SchedulerNodeSchema>;

export const NodeSnapshotSchema = z.object({
  /** openMosix node number (autodiscovery: low 16 bits of the IPv4 address). */
  id: z.number().int().nonnegative(),
  ip: z.string(),
  up: z.boolean(),
  /** openMosix load units: about 100 per fully busy CPU of standard speed. null when unknown. */
  load: z.number().nullable(),
  /** Relative speed, 10000 = a Pentium III at 1 GHz. null when unknown. */
  speed: z.number().nullable(),
  memFreeBytes: z.number().nullable(),
  memTotalBytes: z.number().nullable(),
  /** Utilisation in percent. */
  util: z.number().nullable(),
  cpus: z.number().int().positive().nullable(),
  /**
   * The 1-minute load average as the operating system reports it (runnable tasks, not divided by
   * CPUs), where the source has it: this machine. Absent for openMosix, whose tools give only `load`.
   */
  loadAverage: z.number().nonnegative().nullable().optional(),
  flags: NodeFlagsSchema,
  /** True when this node's last query failed or timed out; the values shown are older. */
  stale: z.boolean(),
  /**
   * Not read yet: the node is in the map, but a big cluster is read over several ticks and its turn
   * has not come (openMosix's mosctl path). Then `up` is false and every value null; absent otherwise.
   */
  pending: z.literal(true).optional(),
  /**
   * When the node last answered (ms since the epoch), where a backend reads nodes over several
   * ticks (openMosix): its values are that old. Absent where every node is read every tick.
   */
  readAt: z.number().optional(),
  error: z.string().optional(),
  isLocal: z.boolean(),
  /** What a batch scheduler (Slurm) says about the node; absent for openMosix and this machine. */
  scheduler: SchedulerNodeSchema.optional(),
});
export type NodeSnapshot = z.infer<typeof NodeSnapshotSchema>;

export const ProcessSnapshotSchema = z.object({
  pid: z.number().int().nonnegative(),
  user: z.string().nullable(),
  /**
   * Node the process runs on now (never 0: "at home" is resolved to the home node's id); null
   * when the tools could not say (mps NODE -1).
   */
  node: z.number().int().nullable(),
  /** The node the process belongs to. */
  home: z.number().int(),
  migrated: z.boolean(),
  stat: z.string(),
  /** %CPU as the tools print it; null when the source does not say. */
  cpu: z.number().nullable(),
  mem: z.number().nullable(),
  timeSeconds: z.number().nonnegative(),
  command: z.string(),
  isBlender: z.boolean(),
  /** A kernel thread (no command line of its own); absent where the source cannot tell. */
  kernelThread: z.boolean().optional(),
});
export type ProcessSnapshot = z.infer<typeof ProcessSnapshotSchema>;

/** A batch job (or one task of a job array). Not a process: it has no PID and may span nodes. */
export const JobSnapshotSchema = z.object({
  /** As the scheduler prints it: `123`, `123_4`, pending tasks `123_[5-8]`. */
  id: z.string().min(1),
  name: z.string(),
  user: z.string().nullable(),
  /** RUNNING, PENDING, COMPLETING, SUSPENDED… (finished jobs are not listed). */
  state: z.string(),
  /** Why it waits (`Resources`, `JobHeldUser`); null when it does not. */
  reason: z.string().nullable(),
  partition: z.string().nullable(),
  /** The node names it runs on (the hostlist expanded); empty while pending. */
  nodes: z.array(z.string()),
  /** The ids of `nodes` in this snapshot's node list, in the same order. */
  nodeIds: z.array(z.number().int().nonnegative()),
  cpus: z.number().int().nonnegative().nullable(),
  elapsedSeconds: z.number().nonnegative().nullable(),
  timeLimitMinutes: z.number().nonnegative().nullable(),
  /** True for the tasks of a render omtop submitted. */
  isRender: z.boolean(),
});
export type JobSnapshot = z.infer<typeof JobSnapshotSchema>;

export const SourceErrorSchema = z.object({
  /** What failed: `mps`, `mosctl getload 266`, `/proc/loadavg`… */
  source: z.string(),
  message: z.string(),
});
export type SourceError = z.infer<typeof SourceErrorSchema>;

export const ClusterSnapshotSchema = z.object({
  /** Milliseconds since the epoch. */
  takenAt: z.number(),
  backend: BackendNameSchema,
  localNode: z.number().int().nonnegative(),
  nodes: z.array(NodeSnapshotSchema),
  processes: z.array(ProcessSnapshotSchema),
  /** Batch jobs, from a scheduler backend (Slurm); absent where there is none. */
  jobs: z.array(JobSnapshotSchema).optional(),
  errors: z.array(SourceErrorSchema),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshotSchema>;

/** How a process's node is shown: `N266`, or `N?` when the tools could not say where it runs. */
export function nodeLabel(node: number | null): string {
  return node === null ? 'N?' : `N${node}`;
}

/** True for blender processes, including mps's `(blender)` form for migrated ones. */
export function isBlenderCommand(command: string): boolean {
  const first = command.trim().replace(/^\((.*)\)$/, '$1').split(/\s+/)[0] ?? '';
  const base = first.slice(first.lastIndexOf('/') + 1);
  return /^blender(?:[-.\d]*)?$/i.test(base);
}

/**
 * A node in one word: pending (not read yet), down, stale (up, but its last reading failed: older
 * values are shown), or up.
 */
export function nodeState(node: NodeSnapshot): 'up' | 'down' | 'stale' | 'pending' {
  if (node.pending === true) return 'pending';
  if (!node.up) return 'down';
  return node.stale ? 'stale' : 'up';
}
