// The only timer in omtop: one backend.collect() per tick and never two at once. A tick that
// comes while a refresh still runs (a node timing out, say) is dropped and counted, instead
// of piling refreshes up behind the slow one.
import { performance } from 'node:perf_hooks';
import type { Backend } from '../backends/backend.js';
import { failedSnapshot } from '../model/validateSnapshot.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { Store } from '../store/types.js';
import type { Collector, CollectorStats } from './types.js';
import { errorLine } from '../errorLine.js';

export interface CollectorOptions {
  readonly backend: Backend;
  readonly intervalMs: number;
  /** Gets every snapshot before the collector's own subscribers do. */
  readonly store?: Store;
  /** A subscriber threw. @default rethrow outside the loop, so the error is seen, not lost */
  readonly onListenerError?: (error: unknown) => void;
}

/** start() refreshes at once, then every intervalMs; stop() also cancels a refresh in flight. */
export function createCollector(options: CollectorOptions): Collector {
  const { backend, store } = options;
  const onListenerError = options.onListenerError ?? ((error: unknown) => queueMicrotask(() => { throw error; }));
  const listeners = new Set<(snapshot: ClusterSnapshot) => void>();
  let intervalMs = checkInterval(options.intervalMs);
  let timer: NodeJS.Timeout | null = null;
  let isPaused = false;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let inFlight: AbortController | null = null;
  let stats: CollectorStats = { skippedTicks: 0, completedTicks: 0, lastDurationMs: null };

  const publish = (snapshot: ClusterSnapshot): void => {
    for (const listener of [store ? store.ingest.bind(store) : null, ...listeners]) {
      if (!listener) continue;
      try {
        listener(snapshot);
      } catch (error) {
        onListenerError(error);
      }
    }
  };

  const refresh = async (): Promise<void> => {
    const started = performance.now();
    const controller = new AbortController();
    inFlight = controller;
    let snapshot: ClusterSnapshot;
    try {
      snapshot = await backend.collect(controller.signal, { intervalMs });
    } catch (error) {
      // Backends promise never to reject; if one does, the dashboard still gets a line about it.
      snapshot = failedSnapshot(backend.name, Date.now(), [{ source: `${backend.name} backend`, message: errorLine(error) }]);
    }
    inFlight = null;
    stats = { ...stats, completedTicks: stats.completedTicks + 1, lastDurationMs: performance.now() - started };
    if (!controller.signal.aborted) publish(snapshot);
  };

  const begin = (): Promise<void> => {
    const current = refresh().finally(() => {
      running = null;
    });
    running = current;
    return current;
  };

  const tick = (): void => {
    if (isPaused) return;
    if (running) {
      stats = { ...stats, skippedTicks: stats.skippedTicks + 1 };
      return;
    }
    void begin();
  };

  const arm = (): void => {
    if (timer) clearInterval(timer);
    timer = setInterval(tick, intervalMs);
  };

  return {
    start(): void {
      if (timer) return;
      arm();
      tick();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
      inFlight?.abort();
    },
    pollNow(): Promise<void> {
      if (!running) return begin();
      // A refresh that started before the caller's action may miss its effect: run one more
      // after it, shared by every pollNow that arrives meanwhile.
      queued ??= running.then(() => {
        queued = null;
        return running ?? begin();
      });
      return queued;
    },
    setIntervalMs(ms: number): void {
      intervalMs = checkInterval(ms);
      if (timer) arm();
    },
    intervalMs: () => intervalMs,
    setPaused(paused: boolean): void {
      isPaused = paused;
    },
    paused: () => isPaused,
    stats: () => stats,
    subscribe(listener: (snapshot: ClusterSnapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function checkInterval(ms: number): number {
  if (!Number.isFinite(ms) || ms < 1) throw new RangeError(`refresh interval must be a positive number of milliseconds, got ${ms}`);
  return ms;
}
