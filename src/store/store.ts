// The latest snapshot plus per-node load history. Every ingest adds one point to every node seen
// so far, so all histories line up in time; a node that is stale, down or missing from a snapshot
// gets a null point: the history says nothing was read, and the view decides how to draw that
// (the chart holds the last known load, the sparkline leaves a blank).
import type { ClusterSnapshot, NodeSnapshot } from '../model/snapshot.js';
import { createEventLog } from './eventLog.js';
import { snapshotEvents } from './nodeEvents.js';
import { createProcessTracks } from './processTracks.js';
import { createRingBuffer, type RingBuffer } from './ringBuffer.js';
import type { NodeHistory, Store } from './types.js';

export interface StoreOptions {
  /** Points kept per node. @default 120 (4 minutes at the default 2 s interval) */
  readonly historyLength?: number;
}

const EMPTY_HISTORY: NodeHistory = Object.freeze({ load: Object.freeze([]) });

export function createStore(options: StoreOptions = {}): Store {
  const historyLength = options.historyLength ?? 120;
  const loads = new Map<number, RingBuffer<number | null>>();
  const events = createEventLog();
  const tracks = createProcessTracks();
  let latest: ClusterSnapshot | null = null;

  return {
    ingest(snapshot: ClusterSnapshot): void {
      for (const event of snapshotEvents(latest, snapshot)) events.add(event);
      tracks.ingest(snapshot.processes, snapshot.takenAt);
      latest = snapshot;
      const byId = new Map(snapshot.nodes.map((node) => [node.id, node]));
      for (const node of snapshot.nodes) if (!loads.has(node.id)) loads.set(node.id, createRingBuffer(historyLength));
      for (const [id, load] of loads) {
        const node = byId.get(id);
        load.push(readable(node) ? node.load : null);
      }
    },
    latest: () => latest,
    process: (pid) => tracks.get(pid),
    events,
    history(nodeId: number): NodeHistory {
      const load = loads.get(nodeId);
      return load === undefined ? EMPTY_HISTORY : Object.freeze({ load: Object.freeze(load.toArray()) });
    },
  };
}

function readable(node: NodeSnapshot | undefined): node is NodeSnapshot {
  return node !== undefined && node.up && !node.stale;
}
