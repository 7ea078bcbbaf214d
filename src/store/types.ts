// The latest snapshot plus a bounded per-node history for the sparklines.
import type { ClusterSnapshot } from '../model/snapshot.js';

export interface NodeHistory {
  /** Oldest first, at most `historyLength` points. null where the node was not readable. */
  readonly load: readonly (number | null)[];
  readonly memFreeBytes: readonly (number | null)[];
}

export interface Store {
  ingest(snapshot: ClusterSnapshot): void;
  latest(): ClusterSnapshot | null;
  history(nodeId: number): NodeHistory;
  subscribe(listener: (snapshot: ClusterSnapshot) => void): () => void;
}
