// The values the Slurm parsers return, whichever tool output (JSON of any release, or the text
// fallbacks) they were read from. Names follow omtop's use, not Slurm's field names.
import { z } from 'zod';

/**
 * A node's state as omtop shows it. Slurm's JSON gives a base state plus flags (22.05: `idle` +
 * `["DRAIN"]`; 23.02+: `["IDLE","DRAIN"]`); text sinfo gives the combined word (`drained`).
 */
export const SlurmNodeStateSchema = z.enum([
  'idle', 'mixed', 'allocated', 'completing', 'drained', 'draining', 'down', 'future', 'reserved', 'unknown',
]);
export type SlurmNodeState = z.infer<typeof SlurmNodeStateSchema>;

export const SlurmNodeSchema = z.object({
  name: z.string().min(1),
  state: SlurmNodeStateSchema,
  /** The tool's own words for the state, e.g. `IDLE+DRAIN` or `drained`. */
  stateText: z.string(),
  /** True when the controller lost contact (`*` in text sinfo, NOT_RESPONDING in JSON). */
  notResponding: z.boolean(),
  /** Why an administrator drained or downed it; null when none is set. */
  reason: z.string().nullable(),
  cpusAllocated: z.number().int().nonnegative().nullable(),
  cpusTotal: z.number().int().nonnegative().nullable(),
  /** The 1-minute load average (Slurm's JSON reports it ×100; this is the real value). */
  load: z.number().nonnegative().nullable(),
  /** Configured memory (RealMemory) and free memory, in MiB. */
  memoryMiB: z.number().nonnegative().nullable(),
  memoryFreeMiB: z.number().nonnegative().nullable(),
  partitions: z.array(z.string()),
});
export type SlurmNode = z.infer<typeof SlurmNodeSchema>;

/** Job states after which a job no longer runs (squeue --json still lists them for MinJobAge). */
export const FINISHED_JOB_STATES: ReadonlySet<string> = new Set([
  'BOOT_FAIL', 'CANCELLED', 'COMPLETED', 'DEADLINE', 'FAILED', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'TIMEOUT',
  'REVOKED', 'SPECIAL_EXIT',
]);

export const SlurmJobSchema = z.object({
  /** As squeue prints it: `123`, an array task `123_4`, pending tasks `123_[4-6]`. */
  id: z.string().min(1),
  /** The scheduler's own job id (a running array task has its own). */
  jobId: z.number().int().nonnegative(),
  arrayJobId: z.number().int().nonnegative().nullable(),
  arrayTaskId: z.number().int().nonnegative().nullable(),
  /** Tasks still pending as one record (`4-6`); null otherwise. */
  arrayPending: z.string().nullable(),
  name: z.string(),
  user: z.string().nullable(),
  /** Upper-case base state: RUNNING, PENDING, COMPLETED… */
  state: z.string().min(1),
  /** Further state words (23.02+ JSON arrays): REQUEUED, SIGNALING… */
  stateFlags: z.array(z.string()),
  finished: z.boolean(),
  /** Why it waits or ended (`Resources`, `JobHeldUser`…); null for `None`. */
  reason: z.string().nullable(),
  partition: z.string().nullable(),
  /** Slurm hostlist (`n[1-2]`); empty while pending. */
  nodes: z.string(),
  cpus: z.number().int().nonnegative().nullable(),
  nodeCount: z.number().int().nonnegative().nullable(),
  /** Epoch seconds; null when unknown or not started. */
  submitTime: z.number().nonnegative().nullable(),
  startTime: z.number().nonnegative().nullable(),
  endTime: z.number().nonnegative().nullable(),
  /** Seconds run so far when the tool says it (text squeue %M); JSON gives start/end instead. */
  elapsedSeconds: z.number().nonnegative().nullable(),
  /** Minutes; null when unlimited or unknown. */
  timeLimitMinutes: z.number().nonnegative().nullable(),
  workDir: z.string().nullable(),
  /** The --output path; JSON gives it with %j/%A/%a patterns unexpanded. */
  stdout: z.string().nullable(),
});
export type SlurmJob = z.infer<typeof SlurmJobSchema>;

export const SlurmVersionSchema = z.object({
  /** `22.05.8`; null when the output does not say (text fallbacks, old JSON). */
  release: z.string().nullable(),
  /** The JSON's plugin: `openapi/v0.0.38`, `data_parser/v0.0.39`… null for text. */
  plugin: z.string().nullable(),
});
export type SlurmVersion = z.infer<typeof SlurmVersionSchema>;

export const SinfoSchema = z.object({ version: SlurmVersionSchema, nodes: z.array(SlurmNodeSchema) });
export type Sinfo = z.infer<typeof SinfoSchema>;

export const SqueueSchema = z.object({ version: SlurmVersionSchema, jobs: z.array(SlurmJobSchema) });
export type Squeue = z.infer<typeof SqueueSchema>;
