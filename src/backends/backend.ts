// The one interface behind which the real cluster, this machine and the emulated cluster hide.
import type { CommandOutcome, ClusterCommand } from '../cluster/commands.js';
import type { BackendName, ClusterSnapshot } from '../model/snapshot.js';

/** What the caller of collect knows about the refresh: a backend that forks may size its tick by it. */
export interface CollectContext {
  /** The refresh interval now (the user changes it with +/-). */
  readonly intervalMs: number;
}

export interface Backend {
  readonly name: BackendName;
  /** Reads everything once. Never rejects: failures are in `snapshot.errors` and `node.stale`. */
  collect(signal?: AbortSignal, context?: CollectContext): Promise<ClusterSnapshot>;
  /** Runs one cluster command. Never rejects: a refused or failed command comes back with ok=false. */
  perform(command: ClusterCommand): Promise<CommandOutcome>;
  close(): Promise<void>;
  /** A batch job's details and its log file (Slurm: scontrol show job); absent where there are no jobs. */
  jobDetails?(job: string): Promise<JobDetails>;
}

export type JobDetails =
  | { readonly ok: true; readonly lines: readonly string[]; readonly logFile: string | null }
  | { readonly ok: false; readonly message: string };
