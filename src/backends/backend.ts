// The one interface behind which the real cluster, this machine and the emulated cluster hide.
import type { ActionResult, ClusterAction } from '../cluster/commands.js';
import type { BackendName, ClusterSnapshot } from '../model/snapshot.js';

export interface Backend {
  readonly name: BackendName;
  /** Reads everything once. Never rejects: failures are in `snapshot.errors` and `node.stale`. */
  collect(signal?: AbortSignal): Promise<ClusterSnapshot>;
  /** Runs one action. Never rejects: a refused or failed action comes back with ok=false. */
  perform(action: ClusterAction): Promise<ActionResult>;
  close(): Promise<void>;
}
