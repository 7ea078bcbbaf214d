// The collector owns the only timer: one backend.collect() per tick, never two at once.
import type { ClusterSnapshot } from '../model/snapshot.js';

export interface CollectorStats {
  /** Ticks that came while the previous refresh was still running, and were dropped. */
  readonly skippedTicks: number;
  readonly completedTicks: number;
  /** Wall time of the last refresh in milliseconds. */
  readonly lastDurationMs: number | null;
}

export interface Collector {
  start(): void;
  stop(): void;
  /** Refresh now (after an action, say); resolves when that snapshot is in. */
  pollNow(): Promise<void>;
  setIntervalMs(ms: number): void;
  intervalMs(): number;
  /** While paused, ticks do nothing; pollNow still works. */
  setPaused(paused: boolean): void;
  paused(): boolean;
  stats(): CollectorStats;
  subscribe(listener: (snapshot: ClusterSnapshot) => void): () => void;
}
