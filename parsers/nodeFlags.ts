// The four switches of an openMosix node (mosctl stay/lstay/block/quiet, /proc/hpc/admin/<flag>),
// named here once for the parsers, the backends, the emulator, the commands and the views.
import { z } from 'zod';

export const NODE_FLAGS = ['stay', 'lstay', 'block', 'quiet'] as const;
export type NodeFlag = (typeof NODE_FLAGS)[number];

/** Every flag off: a node as it boots. */
export function noNodeFlags(): Record<NodeFlag, boolean> {
  return Object.fromEntries(NODE_FLAGS.map((flag) => [flag, false])) as Record<NodeFlag, boolean>;
}

/** What the kernel's status bits and `mosctl status` report: the four switches, and MFS off. */
export const REPORTED_FLAGS = [...NODE_FLAGS, 'nomfs'] as const;
export const ReportedFlagsSchema = z.record(z.enum(REPORTED_FLAGS), z.boolean());
