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

/** Every node's load (its age, whether it is up) should be read at least this often. */
export const REFRESH_PERIOD_MS = 5000;

/** Loads one tick must read for `nodes` nodes to be each read within REFRESH_PERIOD_MS. */
export function loadsPerTick(nodes: number, intervalMs: number): number {
  return Math.max(1, Math.ceil((nodes * intervalMs) / REFRESH_PERIOD_MS));
}

/**
 * The rate's budget, raised — up to twice it — when that is what reading every node within
 * REFRESH_PERIOD_MS takes: the loads a tick needs plus a fifth of the budget for the slower
 * readings, and the process and node lists (256 nodes at 1 s: 52 loads, so 67 forks where
 * 50 forks/s give 50). A map that would
 * need more than twice the rate keeps the rate (it cannot be read within 5 s at a cost omtop
 * should take on its own: the user can raise --forks-per-second). Small maps never need it.
 */
export function refreshBudget(intervalMs: number, forksPerSecond: number, nodes: number): number {
  const byRate = tickBudget(intervalMs, forksPerSecond);
  // + 2: the tick's `mps` and, every 30 s, the node list's `setpe -r`.
  const need = Math.ceil((loadsPerTick(nodes, intervalMs) * 5) / 4) + 2;
  return need > byRate && need <= 2 * byRate ? need : byRate;
}

/**
 * How many of a tick's `budget` forks the slower readings may take: what the loads a 5 s round
 * needs leave, but at least a fifth of the budget (so memory and the rest still come round on a
 * huge map) and at most half (so on a small map more nodes get their load each tick).
 */
export function slowShare(budget: number, loadsWanted: number): number {
  return Math.max(1, Math.ceil(budget / 5), Math.min(Math.floor(budget / 2), budget - loadsWanted));
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

  /**
   * The rate's budget (once a tick is measured, raised for a 5 s round of `nodes` nodes, see
   * refreshBudget), lowered so the forks take at most 80 % of the interval at the cost measured.
   */
  budget(intervalMs: number, forksPerSecond = DEFAULT_FORKS_PER_SECOND, nodes = 0, unmeasured = false): number {
    // Raised only once a tick has shown what forks cost (the first tick of a big map is the rate's),
    // or from the start where nothing is measured (`unmeasured`: no wall clock).
    if (!unmeasured && (this.#msPerFork === null || this.#msPerFork <= 0)) return tickBudget(intervalMs, forksPerSecond);
    const byRate = refreshBudget(intervalMs, forksPerSecond, nodes);
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
  /** Since when the longest-due of them has been due (ms; -Infinity: never read). Absent: as the others. */
  readonly dueSince?: number;
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
 * slowShare(budget, loadsWanted) forks (without `loadsWanted`: half the budget), so the loads (a
 * node's age) always get the rest: on a map too big for one tick, a node waits at most about
 * nodes / (budget − that share) ticks. Those slower readings go to the visited nodes whose
 * readings have been due longest (`dueSince`; visit order on a tie), so on a big map, where the
 * loads come round in the same order every round, no node's memory waits behind the others'.
 * Linear in the nodes plus two sorts.
 */
export function planVisits<K extends string>(candidates: readonly VisitCandidate<K>[], budget: number, loadsWanted = 0): Visit<K>[] {
  const order = candidates.map((candidate, index) => ({ candidate, index }));
  order.sort((a, b) => age(a.candidate) - age(b.candidate) || a.index - b.index);
  const visits: { candidate: VisitCandidate<K>; kinds: readonly K[]; index: number }[] = [];
  let left = budget;
  let slowLeft = loadsWanted > 0 ? slowShare(budget, loadsWanted) : Math.max(1, Math.floor(budget / 2));
  /** Slower readings of nodes already read: how many this tick takes. */
  let slowTaken = 0;
  for (const { candidate } of order) {
    if (left < 1) break;
    if (candidate.readAt === null) {
      if (1 + candidate.due.length > left) continue;
      visits.push({ candidate, kinds: candidate.due, index: visits.length });
      left -= 1 + candidate.due.length;
      continue;
    }
    const count = Math.min(candidate.due.length, left - 1, slowLeft);
    visits.push({ candidate, kinds: [], index: visits.length });
    left -= 1 + count;
    slowLeft -= count;
    slowTaken += count;
  }
  // The slower readings counted above, handed to the visited nodes due longest first.
  const byDue = visits.filter((visit) => visit.candidate.readAt !== null && visit.candidate.due.length > 0);
  byDue.sort((a, b) => dueSince(a.candidate) - dueSince(b.candidate) || a.index - b.index);
  for (const visit of byDue) {
    if (slowTaken < 1) break;
    visit.kinds = visit.candidate.due.slice(0, slowTaken);
    slowTaken -= visit.kinds.length;
  }
  return visits.map((visit) => ({ id: visit.candidate.id, kinds: visit.kinds }));
}

const dueSince = (candidate: VisitCandidate<string>): number => candidate.dueSince ?? 0;

const age = (candidate: VisitCandidate<string>): number => candidate.readAt ?? -Infinity;
