// The filtered, sorted process list without sorting all of it: a frame needs only the rows on
// screen and the selected row's rank, and both can be had in linear time (quickselect), so a
// frame costs about the same with 10,000 processes as with 100.
import type { ProcessSnapshot } from '../model/snapshot.js';

export type Compare = (a: ProcessSnapshot, b: ProcessSnapshot) => number;

export interface ProcessOrder {
  /** How many processes pass the filters. */
  readonly length: number;
  /** Position of `pid` in the sorted list; -1 when it is filtered out or gone. */
  indexOfPid(pid: number): number;
  /** Sorted rows `start` to `end` (exclusive). */
  window(start: number, end: number): ProcessSnapshot[];
}

function swap(items: ProcessSnapshot[], i: number, j: number): void {
  const t = items[i] as ProcessSnapshot;
  items[i] = items[j] as ProcessSnapshot;
  items[j] = t;
}

/** Rearranges items[lo..hi] so that items[k] is the k-th smallest and everything before it is smaller. */
function select(items: ProcessSnapshot[], k: number, lo: number, hi: number, compare: Compare): void {
  while (hi > lo) {
    // A random pivot keeps adversarial orders (an already sorted list) linear on average.
    swap(items, lo + Math.floor(Math.random() * (hi - lo + 1)), hi);
    const pivot = items[hi] as ProcessSnapshot;
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if (compare(items[i] as ProcessSnapshot, pivot) < 0) swap(items, i, store++);
    }
    swap(items, store, hi);
    if (store === k) return;
    if (store < k) lo = store + 1;
    else hi = store - 1;
  }
}

/** @param compare must be a total order (ties broken by PID), so every rank is well defined. */
export function createProcessOrder(filtered: readonly ProcessSnapshot[], compare: Compare): ProcessOrder {
  const work = [...filtered];
  const length = work.length;
  let sorted: ProcessSnapshot[] | null = null;
  return {
    length,
    indexOfPid(pid) {
      const target = work.find((p) => p.pid === pid);
      if (target === undefined) return -1;
      let rank = 0;
      for (const p of work) if (compare(p, target) < 0) rank += 1;
      return rank;
    },
    window(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(length, end);
      if (to <= from) return [];
      if (sorted !== null) return sorted.slice(from, to);
      // Small lists or a window over most of the list: a plain sort is simpler and as fast.
      if (length <= 512 || to - from > length / 4) {
        sorted = [...work].sort(compare);
        return sorted.slice(from, to);
      }
      select(work, from, 0, length - 1, compare);
      if (to - 1 > from) select(work, to - 1, from + 1, length - 1, compare);
      return work.slice(from, to).sort(compare);
    },
  };
}
