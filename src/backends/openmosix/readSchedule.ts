// When each slow reading of each node is next due. Both node paths use it: mosctl (where a
// reading is a fork) and /proc/hpc (where it is a file read). A reading never made is due now; a
// good reading is due again one period later, except the first one, which is shortened by the
// node's place in the list (`spread`, 0 ≤ spread < 1), so that N nodes first read together on the
// first tick come due again spread evenly over the period instead of all on one tick.
// A failed reading is due again at once (the next tick).

export class ReadSchedule {
  readonly #due = new Map<string, number>();

  isDue(kind: string, id: number, now: number): boolean {
    return now >= (this.#due.get(key(kind, id)) ?? -Infinity);
  }

  /** When `kind` of node `id` is (or was) due; -Infinity: never read, or due again at once. */
  dueAt(kind: string, id: number): number {
    return this.#due.get(key(kind, id)) ?? -Infinity;
  }

  /** A good reading of `kind` at `now`: due again after `periodMs` (shortened the first time by `spread`). */
  done(kind: string, id: number, now: number, periodMs: number, spread: number): void {
    const first = !this.#due.has(key(kind, id));
    this.#due.set(key(kind, id), now + periodMs * (first ? 1 - spread : 1));
  }

  /** The reading failed, or what it read may have changed: due on the next tick. */
  dueNow(kind: string, id: number): void {
    this.#due.set(key(kind, id), -Infinity);
  }

  /** Every reading of `kind` (all nodes) due on the next tick. */
  allDueNow(kind: string): void {
    for (const name of this.#due.keys()) if (name.startsWith(`${kind}:`)) this.#due.set(name, -Infinity);
  }

  /** Forgets nodes no longer listed, so a long-running omtop does not keep them. */
  keepOnly(ids: ReadonlySet<number>): void {
    for (const name of this.#due.keys()) if (!ids.has(Number(name.slice(name.indexOf(':') + 1)))) this.#due.delete(name);
  }
}

const key = (kind: string, id: number): string => `${kind}:${id}`;

/**
 * A node's place in the list as a fraction of it, for `ReadSchedule.done`. Half a place is
 * added so that no node's readings come due on the same ticks as the node list (`openmosix
 * status`, every 30 s from the first tick), which would make those ticks the busiest.
 */
export function spreadOf(index: number, count: number): number {
  return (index + 0.5) / Math.max(1, count);
}
