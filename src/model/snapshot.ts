// One immutable picture of the cluster per tick. Everything downstream (store, views,
// --once, --json) reads only this shape, whichever backend produced it.
import { z } from 'zod';

export const BackendNameSchema = z.enum(['openmosix', 'local', 'demo']);
export type BackendName = z.infer<typeof BackendNameSchema>;

export const NodeFlagsSchema = z.object({
  stay: z.boolean().optional(),
  lstay: z.boolean().optional(),
  block: z.boolean().optional(),
  quiet: z.boolean().optional(),
});
export type NodeFlags = z.infer<typeof NodeFlagsSchema>;

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
  flags: NodeFlagsSchema,
  /** True when this node's last query failed or timed out; the values shown are older. */
  stale: z.boolean(),
  error: z.string().optional(),
  isLocal: z.boolean(),
});
export type NodeSnapshot = z.infer<typeof NodeSnapshotSchema>;

export const ProcessSnapshotSchema = z.object({
  pid: z.number().int().nonnegative(),
  user: z.string().nullable(),
  /** Node the process runs on now (never 0: "at home" is resolved to the home node's id). */
  node: z.number().int(),
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
});
export type ProcessSnapshot = z.infer<typeof ProcessSnapshotSchema>;

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
  errors: z.array(SourceErrorSchema),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshotSchema>;

/** True for blender processes, including mps's `(blender)` form for migrated ones. */
export function isBlenderCommand(command: string): boolean {
  const first = command.trim().replace(/^\((.*)\)$/, '$1').split(/\s+/)[0] ?? '';
  const base = first.slice(first.lastIndexOf('/') + 1);
  return /^blender(?:[-.\d]*)?$/i.test(base);
}
