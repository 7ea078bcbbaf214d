// The latest snapshot plus per-node history for the sparklines. Every ingest adds one point to
// every node seen so far, so all histories line up in time; a node that is stale, down or
// missing from a snapshot gets a null point (a gap in the graph, not a repeated old value).
import type { ClusterSnapshot, NodeSnapshot } from '../model/snapshot.js';
import { createEventLog } from './eventLog.js';
import { snapshotEvents } from './nodeEvents.js';
import { createProcessTracks } from './processTracks.js';
import { createRingBuffer, type RingBuffer } from './ringBuffer.js';
import type { NodeHistory, Store } from './types.js';

export interface StoreOptions {
  /** Points kept per node and series. @default 120 (4 minutes at the default 2 s interval) */
  readonly historyLength?: number;
}

interface NodeSeries {
  readonly load: RingBuffer<number | null>;
  readonly memFreeBytes: RingBuffer<number | null>;
}

const EMPTY_HISTORY: NodeHistory = Object.freeze({ load: Object.freeze([]), memFreeBytes: Object.freeze([]) });

export function createStore(options: StoreOptions = {}): Store {
  const historyLength = options.historyLength ?? 120;
  const series = new Map<number, NodeSeries>();
  const listeners = new Set<(snapshot: ClusterSnapshot) => void>();
  const events = createEventLog();
  const tracks = createProcessTracks();
  let latest: ClusterSnapshot | null = null;

  const seriesFor = (id: number): NodeSeries => {
    let found = series.get(id);
    if (!found) {
      found = { load: createRingBuffer(historyLength), memFreeBytes: createRingBuffer(historyLength) };
      series.set(id, found);
    }
    return found;
  };

  return {
    ingest(snapshot: ClusterSnapshot): void {
      for (const event of snapshotEvents(latest, snapshot)) events.add(event);
      tracks.ingest(snapshot.processes, snapshot.takenAt);
      latest = snapshot;
      const byId = new Map(snapshot.nodes.map((node) => [node.id, node]));
      for (const node of snapshot.nodes) seriesFor(node.id);
      for (const [id, nodeSeries] of series) {
        const node = byId.get(id);
        nodeSeries.load.push(readable(node) ? node.load : null);
        nodeSeries.memFreeBytes.push(readable(node) ? node.memFreeBytes : null);
      }
      for (const listener of [...listeners]) listener(snapshot);
    },
    latest: () => latest,
    process: (pid) => tracks.get(pid),
    events,
    history(nodeId: number): NodeHistory {
      const found = series.get(nodeId);
      if (!found) return EMPTY_HISTORY;
      return Object.freeze({ load: Object.freeze(found.load.toArray()), memFreeBytes: Object.freeze(found.memFreeBytes.toArray()) });
    },
    subscribe(listener: (snapshot: ClusterSnapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readable(node: NodeSnapshot | undefined): node is NodeSnapshot {
  return node !== undefined && node.up && !node.stale;
}
