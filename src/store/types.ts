// The latest snapshot plus a bounded per-node load history for the chart and the sparklines, what
// happened (the event log) and what each process did across snapshots.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { EventLog } from './eventLog.js';
import type { ProcessTrack } from './processTracks.js';

export interface NodeHistory {
  /** Oldest first, at most `historyLength` points. null where the node was not readable. */
  readonly load: readonly (number | null)[];
}

export interface Store {
  ingest(snapshot: ClusterSnapshot): void;
  latest(): ClusterSnapshot | null;
  history(nodeId: number): NodeHistory;
  /** A process's time on its node, moves and recent CPU/memory; null for a PID not in the latest snapshot. */
  process(pid: number): ProcessTrack | null;
  /** Nodes going down and up and sources failing, from ingest; anyone may add (actions, renders). */
  readonly events: EventLog;
}
