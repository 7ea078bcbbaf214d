// The event log: what happened and when, kept so the one-line notice is not the only place a
// "node 258 is down" can be read. Plain data in, from anyone: the store's own node and source
// changes, the results of the user's actions, render jobs' part failures. Bounded, like the history.
import { createRingBuffer } from './ringBuffer.js';

/** Where an event came from: the cluster's nodes, a data source, the user's action, a render. */
export type EventSource = 'node' | 'source' | 'action' | 'render';
export type EventSeverity = 'info' | 'ok' | 'warning' | 'error';

export interface LogEntry {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly source: EventSource;
  readonly severity: EventSeverity;
  /** One line, complete: the log view shows it whole. */
  readonly text: string;
}

export interface EventLog {
  add(entry: LogEntry): void;
  /** Oldest first. */
  entries(): readonly LogEntry[];
  /** Grows by one with every entry added, so a view can tell that something new came. */
  readonly count: number;
}

export function createEventLog(capacity = 500): EventLog {
  const ring = createRingBuffer<LogEntry>(capacity);
  let count = 0;
  let cached: readonly LogEntry[] | null = null;
  return {
    add(entry) {
      ring.push(Object.freeze({ ...entry }));
      count += 1;
      cached = null;
    },
    entries() {
      cached ??= Object.freeze(ring.toArray());
      return cached;
    },
    get count() {
      return count;
    },
  };
}
