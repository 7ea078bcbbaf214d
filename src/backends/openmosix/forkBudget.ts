// How many tool commands one tick of the mosctl path may fork, and which node readings they are.
// A fork costs about 18 ms of wall time here (bench 2, 4 at a time on 2 cores), so the tick's forks
// fit its interval only below some number of commands: above it, a tick forking every node's
// readings ran over the interval (64 nodes: 1.36 s of forks per 1 s tick) and the first snapshot
// of a 5,000-node map waited for 25,000 forks. Instead each tick gets a budget, derived from the
// interval and a rate (forks per second, a setting) and lowered to what the last ticks' forks
// really cost (a busy machine forks ten times slower), and spends it on the nodes read longest ago:
// a node never read first (shown "pending" until then), then the oldest reading. A visit reads
// the node's load (which says whether it is up) and then as many of its due slower readings as
// the budget still allows; those not taken stay due for its next visit.

/** Default forks per second: 1000 ms / 20 ms, a fork as bench 2 measures it here with some margin. */
export const DEFAULT_FORKS_PER_SECOND = 50;

export interface ForkBudgetOptions {
  /** Commands per second the node readings may fork. @default DEFAULT_FORKS_PER_SECOND */
  readonly forksPerSecond?: number;
}

/**
 * Forks one tick may make: the rate times the interval, at least one (a tick always reads
 * something, so every node is read eventually whatever the settings).
 */
export function tickBudget(intervalMs: number, forksPerSecond = DEFAULT_FORKS_PER_SECOND): number {
  return Math.max(1, Math.floor((forksPerSecond * intervalMs) / 1000));
}

/** The share of the interval a tick's forks may take: the rest is for drawing and for the user. */
const INTERVAL_SHARE = 0.8;

/**
 * What a fork has really cost lately, in wall milliseconds per command for a whole tick (so it
 * includes the runner's parallelism and the tick's own work), smoothed over ticks.
 */
export class ForkCost {
  #msPerFork: number | null = null;

  /** A tick forked `forks` commands in `wallMs`. */
  observe(forks: number, wallMs: number): void {
    if (forks < 1 || !(wallMs >= 0)) return;
    const sample = wallMs / forks;
    this.#msPerFork = this.#msPerFork === null ? sample : (this.#msPerFork + sample) / 2;
  }

  msPerFork(): number | null {
    return this.#msPerFork;
  }

  /** The rate's budget, lowered so the forks take at most 80 % of the interval at the cost measured. */
  budget(intervalMs: number, forksPerSecond = DEFAULT_FORKS_PER_SECOND): number {
    const byRate = tickBudget(intervalMs, forksPerSecond);
    if (this.#msPerFork === null || this.#msPerFork <= 0) return byRate;
    return Math.max(1, Math.min(byRate, Math.floor((INTERVAL_SHARE * intervalMs) / this.#msPerFork)));
  }
}

export interface VisitCandidate<K extends string> {
  readonly id: number;
  /** When the node's load was last read (ms); null: never (the node is pending). */
  readonly readAt: number | null;
  /** The node's slower readings that are due, most wanted first. */
  readonly due: readonly K[];
}

export interface Visit<K extends string> {
  readonly id: number;
  /** The slower readings to take after the load, in order. */
  readonly kinds: readonly K[];
}

/**
 * The visits of one tick within `budget` forks (the load counts one, each slower reading one):
 * nodes never read first, in list order, then the longest ago first (list order on a tie). A node
 * never read is visited whole (its load and every due reading) or not yet, so a node that is no
 * longer pending has all its values. Of the nodes already read, the slower readings take at most
 * half the budget, so the loads (a node's age) always get the other half: on a map too big for one
 * tick, a node waits at most about nodes / (budget / 2) ticks. Linear in the nodes plus one sort.
 */
export function planVisits<K extends string>(candidates: readonly VisitCandidate<K>[], budget: number): Visit<K>[] {
  const order = candidates.map((candidate, index) => ({ candidate, index }));
  order.sort((a, b) => age(a.candidate) - age(b.candidate) || a.index - b.index);
  const visits: Visit<K>[] = [];
  let left = budget;
  let slowLeft = Math.max(1, Math.floor(budget / 2));
  for (const { candidate } of order) {
    if (left < 1) break;
    if (candidate.readAt === null) {
      if (1 + candidate.due.length > left) continue;
      visits.push({ id: candidate.id, kinds: candidate.due });
      left -= 1 + candidate.due.length;
      continue;
    }
    const kinds = candidate.due.slice(0, Math.min(left - 1, slowLeft));
    visits.push({ id: candidate.id, kinds });
    left -= 1 + kinds.length;
    slowLeft -= kinds.length;
  }
  return visits;
}

const age = (candidate: VisitCandidate<string>): number => candidate.readAt ?? -Infinity;
